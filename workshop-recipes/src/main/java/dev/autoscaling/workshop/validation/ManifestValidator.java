package dev.autoscaling.workshop.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.keda.KedaValidation;
import dev.autoscaling.keda.KedaCrds;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.DocumentResult;
import dev.autoscaling.validation.ValidationReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Checks manifest files the way {@code kubectl apply} would be answered: every KEDA and Karpenter document against
 * its pinned CRD; Kubernetes core kinds are passed through as not checked. A karpenter.sh document is checked
 * against the Azure provider's CRDs unless its NodeClass reference names AWS's group, or a provider is forced.
 */
public final class ManifestValidator {

  private static final String AWS_GROUP = "karpenter.k8s.aws";

  private final Provider forcedProvider;

  private ManifestValidator(Provider forcedProvider) {
    this.forcedProvider = forcedProvider;
  }

  /** Chooses the provider per document from its NodeClass reference. */
  public static ManifestValidator detectingProvider() {
    return new ManifestValidator(null);
  }

  /** Checks every karpenter.sh document against the given provider's CRDs. */
  public static ManifestValidator forProvider(Provider provider) {
    return new ManifestValidator(provider);
  }

  /** Every document of every file; folders are walked for {@code .yaml}, {@code .yml} and {@code .json} files. */
  public List<CheckedDocument> validate(List<Path> paths) throws IOException {
    List<CheckedDocument> checked = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : files(path)) {
        checked.addAll(validate(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    return checked;
  }

  /** Every document of one YAML or JSON text; {@code source} names it in the results. */
  public List<CheckedDocument> validate(String source, String text) {
    List<JsonNode> documents;
    try {
      documents = Manifests.parseAll(text);
    } catch (IllegalArgumentException e) {
      return List.of(new CheckedDocument(source, DocumentResult.unreadable(e.getMessage()), "not checked: unreadable"));
    }
    List<CheckedDocument> checked = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      checked.add(check(source, i, documents.get(i)));
    }
    return checked;
  }

  /** Objects built in Java, checked exactly as their YAML would be; {@code source} names them in the results. */
  public List<CheckedDocument> validateObjects(String source, List<? extends HasMetadata> objects) {
    List<CheckedDocument> checked = new ArrayList<>(objects.size());
    for (int i = 0; i < objects.size(); i++) {
      checked.add(check(source, i, Manifests.toTree(objects.get(i))));
    }
    return checked;
  }

  private CheckedDocument check(String source, int index, JsonNode document) {
    String apiVersion = document.path("apiVersion").asText("");
    String kind = document.path("kind").asText("");
    String name = document.path("metadata").path("name").asText("");
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    CrdValidator validator;
    String against;
    switch (group) {
      case "keda.sh", "eventing.keda.sh" -> {
        validator = KedaCrds.validator();
        against = "KEDA " + KedaCrds.KEDA_VERSION;
      }
      case "karpenter.azure.com" -> {
        validator = KarpenterCrds.azure();
        against = "Karpenter provider Azure " + KarpenterCrds.AZURE_PROVIDER_VERSION;
      }
      case AWS_GROUP -> {
        validator = KarpenterCrds.aws();
        against = "Karpenter provider AWS " + KarpenterCrds.AWS_PROVIDER_VERSION;
      }
      case "karpenter.sh" -> {
        boolean aws = providerOf(document) == Provider.AWS;
        validator = aws ? KarpenterCrds.aws() : KarpenterCrds.azure();
        against = aws ? "Karpenter provider AWS " + KarpenterCrds.AWS_PROVIDER_VERSION
            : "Karpenter provider Azure " + KarpenterCrds.AZURE_PROVIDER_VERSION;
      }
      default -> {
        if (!document.isObject() || apiVersion.isEmpty() || kind.isEmpty()) {
          // Not a Kubernetes object at all: any validator reports what is missing, the same way.
          return new CheckedDocument(source, new DocumentResult(index, apiVersion, kind, name, false,
              KedaCrds.validator().validate(document)), "not checked: not a Kubernetes object");
        }
        String why = group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io")
            ? "not checked: a Kubernetes built-in kind" : "not checked: no CRD for " + group + " is loaded";
        return new CheckedDocument(source,
            new DocumentResult(index, apiVersion, kind, name, false, new ValidationReport(List.of())), why);
      }
    }
    // for keda.sh kinds KEDA's admission webhook and scaler catalogue answer too, after the API server
    ValidationReport report = group.equals("keda.sh") ? new ValidationReport(KedaValidation.validate(document))
        : validator.validate(document);
    return new CheckedDocument(source, new DocumentResult(index, apiVersion, kind, name, true, report), against);
  }

  private Provider providerOf(JsonNode document) {
    if (forcedProvider != null) {
      return forcedProvider;
    }
    JsonNode spec = document.path("spec");
    String group = spec.path("template").path("spec").path("nodeClassRef").path("group")
        .asText(spec.path("nodeClassRef").path("group").asText(""));
    return AWS_GROUP.equals(group) ? Provider.AWS : Provider.AZURE;
  }

  private static List<Path> files(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException(path + ": no such file or folder");
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
          })
          .sorted()
          .toList();
    }
  }
}
