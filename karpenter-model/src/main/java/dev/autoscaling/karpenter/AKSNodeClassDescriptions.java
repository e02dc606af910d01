package dev.autoscaling.karpenter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AKSNodeClass in a few readable lines: which OS image its nodes boot (the family, and the release it resolves
 * to), OS disk, subnet, max pods, kubelet and OS settings, security and tags; and, for one read from a cluster,
 * whether it is Ready and which Kubernetes version and node images the provider resolved. Unset fields are shown
 * with the value AKS uses instead, so that NAP's sparse {@code default} class still reads as a full answer.
 *
 * <pre>
 * AKSNodeClass default
 *   image:       Ubuntu2204 (Ubuntu 22.04)
 *   OS disk:     128 GB, ephemeral where the VM size has room for it
 *   subnet:      the cluster's node subnet
 *   ...
 * </pre>
 *
 * @see KarpenterDescriptions#describe(Object) for any Karpenter kind
 */
public final class AKSNodeClassDescriptions {

  private static final String KIND = "AKSNodeClass";

  // /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet},
  // matched case-insensitively as the CRD's pattern is.
  private static final Pattern SUBNET_ID = Pattern.compile(
      "^/subscriptions/[^/]+/resourceGroups/([^/]+)/providers/Microsoft\\.Network/virtualNetworks/([^/]+)"
          + "/subnets/([^/]+)$", Pattern.CASE_INSENSITIVE);
  // Gallery image ids (community or shared image gallery) end in .../images/{definition}/versions/{version}.
  private static final Pattern IMAGE_ID = Pattern.compile("/images/([^/]+)/versions/([^/]+)$");
  private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");

  private AKSNodeClassDescriptions() {
  }

  /**
   * @param nodeClass an {@code AKSNodeClass} (v1beta1 or v1alpha2), or its tree ({@code JsonNode}) parsed from YAML
   * @throws IllegalArgumentException when it is null or of another kind
   */
  public static String describe(Object nodeClass) {
    JsonNode tree = DescriptionLines.tree(nodeClass, KIND);
    JsonNode spec = tree.path("spec");
    JsonNode status = tree.path("status");
    DescriptionLines lines = new DescriptionLines(tree, KIND, "");

    lines.field("image", image(spec, status.path("kubernetesVersion").asText("")));
    lines.field("OS disk", spec.path("osDiskSizeGB").asText("128") + " GB"
        + (spec.has("osDiskSizeGB") ? "" : " (default)") + ", ephemeral where the VM size has room for it");
    lines.field("subnet", subnet(spec.path("vnetSubnetID")));
    lines.field("max pods", spec.has("maxPods") ? spec.get("maxPods").asText() + " per node"
        : "set by the cluster's network (Azure CNI overlay 250, Azure CNI node subnet 30, kubenet 110)");
    lines.field("kubelet", spec.has("kubelet") ? DescriptionLines.pairs(spec.get("kubelet")) : "AKS defaults");
    lines.fieldIfPresent("linux OS", spec.path("linuxOSConfig"), linuxOs(spec.path("linuxOSConfig")));
    lines.field("security", ("FIPS".equals(spec.path("fipsMode").asText()) ? "FIPS 140 image" : "not FIPS")
        + "; encryption at host " + (spec.at("/security/encryptionAtHost").asBoolean(false) ? "on" : "off"));
    lines.fieldIfPresent("GPU", spec.at("/gpu/mode"), "None".equals(spec.at("/gpu/mode").asText())
        ? "no driver installed: every GPU size is eligible" : "AKS installs the driver: only sizes it supports");
    lines.fieldIfPresent("streaming", spec.at("/artifactStreaming/enabled"),
        "artifact streaming " + (spec.at("/artifactStreaming/enabled").asBoolean() ? "on (not on arm64)" : "off"));
    lines.fieldIfPresent("local DNS", spec.at("/localDNS/mode"), spec.at("/localDNS/mode").asText() + " ("
        + spec.at("/localDNS/vnetDNSOverrides").size() + " VNet and " + spec.at("/localDNS/kubeDNSOverrides").size()
        + " cluster DNS overrides)");
    lines.field("tags", DescriptionLines.pairs(spec.path("tags")));

    lines.status(tree);
    List<String> resolved = new ArrayList<>();
    if (status.hasNonNull("kubernetesVersion")) {
      resolved.add("Kubernetes " + status.get("kubernetesVersion").asText());
    }
    List<String> images = new ArrayList<>();
    for (JsonNode image : status.path("images")) {
      images.add(image(image));
    }
    if (!images.isEmpty()) {
      resolved.add((images.size() == 1 ? "image " : "images ") + String.join(", ", images));
    }
    if (status.hasNonNull("localDNSState")) {
      resolved.add("local DNS " + status.get("localDNSState").asText());
    }
    if (!resolved.isEmpty()) {
      lines.field("resolved", String.join("; ", resolved));
    }
    return lines.text();
  }

  /**
   * The family, and the release it stands for. {@code Ubuntu} and {@code AzureLinux} move with the cluster's
   * Kubernetes version (the provider's GetImageFamily): say which release that is when the version is known, and
   * the rule when it is not.
   */
  private static String image(JsonNode spec, String kubernetesVersion) {
    String family = spec.path("imageFamily").asText("");
    boolean fips = "FIPS".equals(spec.path("fipsMode").asText());
    int[] version = minorVersion(kubernetesVersion);
    String release = switch (family.isEmpty() ? "Ubuntu" : family) {
      case "Ubuntu2204" -> "Ubuntu 22.04";
      case "Ubuntu2404" -> "Ubuntu 24.04";
      case "AzureLinux" -> version == null ? "Azure Linux 3 from Kubernetes 1.32, Azure Linux 2 before"
          : atLeast(version, 1, 32) ? "Azure Linux 3" : "Azure Linux 2";
      case "Ubuntu" -> fips ? "Ubuntu 20.04, the FIPS release"
          : version == null ? "Ubuntu 22.04 before Kubernetes 1.34, Ubuntu 24.04 from 1.34"
          : atLeast(version, 1, 34) ? "Ubuntu 24.04" : "Ubuntu 22.04";
      default -> "unknown to this SDK";
    };
    boolean resolvedByVersion = version != null && ("AzureLinux".equals(family)
        || (!fips && (family.isEmpty() || "Ubuntu".equals(family))));
    return (family.isEmpty() ? "Ubuntu (default)" : family) + " (" + release
        + (resolvedByVersion ? " on Kubernetes " + kubernetesVersion : "") + ")";
  }

  /** {@code 2204gen2arm64containerd 202505.14.0 (arm64)}. */
  private static String image(JsonNode image) {
    String id = image.path("id").asText();
    Matcher gallery = IMAGE_ID.matcher(id);
    String arch = DescriptionLines.valuesOf(image.path("requirements"), "kubernetes.io/arch");
    return (gallery.find() ? gallery.group(1) + " " + gallery.group(2) : id) + (arch.isEmpty() ? "" : " (" + arch + ")");
  }

  private static String subnet(JsonNode id) {
    if (id.isMissingNode() || id.isNull()) {
      return "the cluster's node subnet";
    }
    Matcher subnet = SUBNET_ID.matcher(id.asText());
    // The subscription id is left out: it is not secret, but it is noise in a summary and often pasted into chats.
    return subnet.find() ? subnet.group(3) + " in virtual network " + subnet.group(2) + " (resource group "
        + subnet.group(1) + ")" : id.asText();
  }

  private static String linuxOs(JsonNode config) {
    List<String> parts = new ArrayList<>();
    if (config.has("swapFileSize")) {
      parts.add("swap file " + config.get("swapFileSize").asText());
    }
    if (config.has("transparentHugePageEnabled") || config.has("transparentHugePageDefrag")) {
      parts.add("transparent huge pages " + config.path("transparentHugePageEnabled").asText("default")
          + ", defrag " + config.path("transparentHugePageDefrag").asText("default"));
    }
    if (config.has("sysctls")) {
      parts.add("sysctls " + DescriptionLines.pairs(config.get("sysctls")));
    }
    return parts.isEmpty() ? "AKS defaults" : String.join("; ", parts);
  }

  private static int[] minorVersion(String version) {
    Matcher matcher = VERSION.matcher(version);
    return matcher.find() ? new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))} : null;
  }

  private static boolean atLeast(int[] version, int major, int minor) {
    return version[0] > major || (version[0] == major && version[1] >= minor);
  }
}
