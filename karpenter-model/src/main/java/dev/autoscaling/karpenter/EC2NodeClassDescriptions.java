package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An EC2NodeClass in a few readable lines: which AMIs its nodes boot (alias or selector terms), which IAM identity
 * they get, which subnets and security groups they land in, disks, instance metadata options, kubelet and tags;
 * and, for one read from a cluster, whether it is Ready and what the selectors resolved to. User data is counted,
 * never printed: it often carries bootstrap tokens.
 *
 * @see KarpenterDescriptions#describe(Object) for any Karpenter kind
 */
public final class EC2NodeClassDescriptions {

  private static final String KIND = "EC2NodeClass";

  // The aliases' families (CRD rule: al2, al2023, bottlerocket, windows2019/2022/2025).
  private static final Map<String, String> ALIAS_FAMILIES = Map.of("al2", "Amazon Linux 2",
      "al2023", "Amazon Linux 2023", "bottlerocket", "Bottlerocket", "windows2019", "Windows Server 2019",
      "windows2022", "Windows Server 2022", "windows2025", "Windows Server 2025");

  private EC2NodeClassDescriptions() {
  }

  /**
   * @param nodeClass an {@code EC2NodeClass}, or its tree ({@code JsonNode}) parsed from YAML
   * @throws IllegalArgumentException when it is null or of another kind
   */
  public static String describe(Object nodeClass) {
    JsonNode tree = DescriptionLines.tree(nodeClass, KIND);
    JsonNode spec = tree.path("spec");
    JsonNode status = tree.path("status");
    DescriptionLines lines = new DescriptionLines(tree, KIND, "");

    lines.field("AMIs", terms(spec.path("amiSelectorTerms"), EC2NodeClassDescriptions::amiTerm));
    lines.fieldIfPresent("AMI family", spec.path("amiFamily"), spec.path("amiFamily").asText()
        + " (decides the bootstrap format of user data)");
    lines.field("identity", spec.has("role") ? "IAM role " + spec.get("role").asText()
        + " (Karpenter makes and owns the instance profile)" : spec.has("instanceProfile") ? "instance profile "
        + spec.get("instanceProfile").asText() + " (yours: Karpenter does not change it)" : "none (role or"
        + " instanceProfile is required)");
    lines.field("subnets", terms(spec.path("subnetSelectorTerms"), EC2NodeClassDescriptions::selectorTerm));
    lines.field("sec. groups", terms(spec.path("securityGroupSelectorTerms"),
        EC2NodeClassDescriptions::selectorTerm));
    lines.field("disks", blockDevices(spec.path("blockDeviceMappings")));
    lines.field("metadata", metadataOptions(spec.path("metadataOptions")));
    lines.field("kubelet", spec.has("kubelet") ? DescriptionLines.pairs(spec.get("kubelet"))
        : "the AMI family's defaults");
    lines.fieldIfPresent("user data", spec.path("userData"), spec.path("userData").asText().length()
        + " characters, not shown (user data often carries credentials)");
    lines.field("tags", DescriptionLines.pairs(spec.path("tags")));

    lines.status(tree);
    List<String> resolved = new ArrayList<>();
    List<String> amis = new ArrayList<>();
    for (JsonNode ami : status.path("amis")) {
      String arch = DescriptionLines.valuesOf(ami.path("requirements"), "kubernetes.io/arch");
      amis.add(ami.path("id").asText() + " (" + (ami.has("name") ? ami.get("name").asText() + ", " : "")
          + (arch.isEmpty() ? "any arch" : arch) + (ami.path("deprecated").asBoolean(false) ? ", deprecated" : "")
          + ")");
    }
    addList(resolved, "AMIs", amis);
    List<String> subnets = new ArrayList<>();
    status.path("subnets").forEach(s -> subnets.add(s.path("id").asText() + " (" + s.path("zone").asText() + ")"));
    addList(resolved, "subnets", subnets);
    List<String> groups = new ArrayList<>();
    status.path("securityGroups").forEach(g -> groups.add(g.path("id").asText()
        + (g.has("name") ? " (" + g.get("name").asText() + ")" : "")));
    addList(resolved, "security groups", groups);
    if (status.hasNonNull("instanceProfile")) {
      resolved.add("instance profile " + status.get("instanceProfile").asText());
    }
    if (!resolved.isEmpty()) {
      lines.field("resolved", String.join("; ", resolved));
    }
    return lines.text();
  }

  /** Terms are ORed: a resource matching any one of them is selected. */
  private static String terms(JsonNode terms, Function<JsonNode, String> term) {
    List<String> text = new ArrayList<>();
    terms.forEach(t -> text.add(term.apply(t)));
    return text.isEmpty() ? "none" : String.join(" or ", text);
  }

  private static String amiTerm(JsonNode term) {
    if (term.has("alias")) {
      String alias = term.get("alias").asText();
      int at = alias.indexOf('@');
      String family = at < 0 ? alias : alias.substring(0, at);
      String version = at < 0 ? "" : alias.substring(at + 1);
      return "alias " + alias + " (" + ALIAS_FAMILIES.getOrDefault(family, family) + ", "
          + ("latest".equals(version) ? "newest release: nodes drift to each new one" : "pinned to " + version) + ")";
    }
    List<String> parts = new ArrayList<>();
    if (term.has("id")) {
      parts.add("id " + term.get("id").asText());
    }
    if (term.has("name")) {
      parts.add("name " + term.get("name").asText());
    }
    if (term.has("owner")) {
      parts.add("owned by " + term.get("owner").asText());
    }
    if (term.has("ssmParameter")) {
      parts.add("SSM parameter " + term.get("ssmParameter").asText());
    }
    if (term.has("tags")) {
      parts.add("tagged " + DescriptionLines.pairs(term.get("tags")));
    }
    return String.join(" ", parts);
  }

  private static String selectorTerm(JsonNode term) {
    if (term.has("id")) {
      return term.get("id").asText();
    }
    if (term.has("name")) {
      return "named " + term.get("name").asText();
    }
    return "tagged " + DescriptionLines.pairs(term.path("tags"));
  }

  private static String blockDevices(JsonNode mappings) {
    List<String> text = new ArrayList<>();
    for (JsonNode mapping : mappings) {
      JsonNode ebs = mapping.path("ebs");
      List<String> parts = new ArrayList<>();
      parts.add(mapping.path("deviceName").asText("?"));
      if (ebs.has("volumeSize")) {
        parts.add(ebs.get("volumeSize").asText());
      }
      if (ebs.has("volumeType")) {
        parts.add(ebs.get("volumeType").asText());
      }
      if (ebs.has("snapshotID")) {
        parts.add("from " + ebs.get("snapshotID").asText());
      }
      if (ebs.path("encrypted").asBoolean(false)) {
        parts.add("encrypted" + (ebs.has("kmsKeyID") ? " with " + ebs.get("kmsKeyID").asText() : ""));
      }
      if (mapping.path("rootVolume").asBoolean(false)) {
        parts.add("root");
      }
      text.add(String.join(" ", parts));
    }
    return text.isEmpty() ? "the AMI's own block devices" : String.join(", ", text);
  }

  /** The CRD defaults them all (IMDSv2 only, hop limit 1): show each value, and which ones are the default. */
  private static String metadataOptions(JsonNode options) {
    String tokens = options.path("httpTokens").asText("required");
    return "IMDSv2 " + ("required".equals(tokens) ? "required" : "optional: IMDSv1 is allowed")
        + marker(options, "httpTokens")
        + ", hop limit " + options.path("httpPutResponseHopLimit").asText("1")
        + marker(options, "httpPutResponseHopLimit")
        + ", endpoint " + options.path("httpEndpoint").asText("enabled") + marker(options, "httpEndpoint")
        + ", IPv6 endpoint " + options.path("httpProtocolIPv6").asText("disabled")
        + marker(options, "httpProtocolIPv6");
  }

  private static String marker(JsonNode options, String field) {
    return options.has(field) ? "" : " (default)";
  }

  private static void addList(List<String> into, String label, List<String> items) {
    if (!items.isEmpty()) {
      into.add(label + " " + String.join(", ", items));
    }
  }
}
