package dev.autoscaling.samples.cli;

import dev.autoscaling.validation.DocumentResult;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.workshop.validation.CheckedDocument;
import dev.autoscaling.workshop.validation.ManifestValidator;
import dev.autoscaling.workshop.validation.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code workshop validate}: what the API server would say about manifest files, without a cluster. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Checks KEDA and Karpenter manifests against their pinned CRDs, offline: the structural schema as the",
        "API server applies it (defaults, types, patterns, enums, bounds, unknown fields) and every CEL rule.",
        "Kubernetes built-in kinds are listed as not checked. One line per violation:",
        "  FILE:DOCUMENT KIND/NAME PATH: MESSAGE",
        "Exit code 1 when any document would be rejected, 0 otherwise (warnings do not fail)."})
final class ValidateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
      description = "Multi-document YAML or JSON files, or folders to search for .yaml, .yml and .json files.")
  List<Path> paths;

  @Option(names = "--provider", paramLabel = "azure|aws",
      description = "Check karpenter.sh kinds against this provider's CRDs (default: from each NodeClass "
          + "reference; Azure when there is none).")
  String provider;

  @Option(names = "--quiet", description = "Print only violations, not the documents that passed.")
  boolean quiet;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ManifestValidator validator;
    if (provider == null) {
      validator = ManifestValidator.detectingProvider();
    } else if (provider.equalsIgnoreCase("azure") || provider.equalsIgnoreCase("aws")) {
      validator = ManifestValidator.forProvider(Provider.valueOf(provider.toUpperCase(java.util.Locale.ROOT)));
    } else {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--provider: expected azure or aws, got '" + provider + "'");
    }
    List<CheckedDocument> documents;
    try {
      documents = validator.validate(paths);
    } catch (IOException e) {
      spec.commandLine().getErr().println("workshop validate: " + e.getMessage());
      return 2;
    }
    int errors = 0;
    int warnings = 0;
    for (CheckedDocument document : documents) {
      DocumentResult result = document.result();
      String where = document.source() + ":" + result.index() + " " + result.describe();
      List<Violation> violations = result.report().violations();
      if (violations.isEmpty() && !quiet) {
        out.println(where + ": " + (result.checked() ? "ok (" + document.checkedAgainst() + ")"
            : document.checkedAgainst()));
      }
      for (Violation violation : violations) {
        out.println(where + " " + (violation.path().isEmpty() ? "" : violation.path() + ": ")
            + (violation.isError() ? "" : "warning: ") + violation.message());
        if (violation.isError()) {
          errors++;
        } else {
          warnings++;
        }
      }
    }
    out.printf("%d document(s), %d error(s), %d warning(s)%n", documents.size(), errors, warnings);
    out.flush();
    return errors > 0 ? 1 : 0;
  }
}
