package dev.autoscaling.samples.cli;

import dev.autoscaling.validation.DocumentResult;
import dev.autoscaling.validation.FieldValidation;
import dev.autoscaling.validation.Violation;
import dev.autoscaling.workshop.validation.CheckedDocument;
import dev.autoscaling.workshop.validation.ManifestValidator;
import dev.autoscaling.workshop.validation.Provider;
import dev.autoscaling.workshop.validation.ValidationListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code workshop validate}: what the API server would say about manifest files, without a cluster. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Checks KEDA and Karpenter manifests against pinned CRDs, offline.",
        "The structural schema as the API server applies it (metadata, defaults, types,",
        "patterns, enums, bounds) and every CEL rule; an unknown field is an error, as",
        "kubectl apply's strict field validation makes it (--validate=warn: a warning).",
        "Status of a kind with the status subresource is not checked: the API server",
        "drops it. Files are read as kubectl reads them: YAML (anchors, aliases and",
        "merge keys resolved) or a JSON stream, a v1 List (or any *List) checked item",
        "by item, a field set twice refused as the API server's strict decoding refuses",
        "it. Kubernetes built-in kinds are listed as not checked. With -o text, one",
        "line per violation:",
        "  FILE:DOCUMENT (line L) [items[N]] KIND/NAME PATH: MESSAGE",
        "Documents are numbered from 1, with the line each starts on; one that is not",
        "valid YAML or JSON is named with the line where reading stopped.",
        "Limits, enforced while reading: 3 MiB per document (the API server's request",
        "limit), 256 MiB per input, 1,000 levels of nesting, 100,000 nodes copied by",
        "aliases. Text must be UTF-8 (or UTF-16 with a byte order mark, as kubectl",
        "accepts); other input is named, and the other inputs are still checked."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every object is valid (warnings do not fail)",
        "1:some object is invalid: the API server would reject it, or its document is not valid YAML or JSON",
        "2:usage error or unreadable input: missing, not a regular file (FIFO, device), not UTF-8, over a size "
            + "limit; or no object in any input",
        "3:internal error: a bug in this SDK, please report it (--verbose shows the stack trace)"})
final class ValidateCommand implements Callable<Integer> {

  static final int VALID = 0;
  static final int INVALID = 1;
  static final int UNREADABLE = 2;
  static final int INTERNAL_ERROR = 3;

  @Parameters(paramLabel = "FILE|DIR|-", arity = "1..*",
      description = "Multi-document YAML or JSON files, folders to search for .yaml, .yml and .json files, or - for"
          + " standard input (`workshop render | workshop validate -`).")
  List<Path> paths;

  @Option(names = "--provider", paramLabel = "azure|aws",
      description = "Check karpenter.sh kinds against this provider's CRDs (default: from each NodeClass "
          + "reference; Azure when there is none).")
  String provider;

  @Option(names = "--validate", paramLabel = "strict|warn|ignore", defaultValue = "strict",
      description = "What an unknown field costs, as kubectl apply's --validate: strict (the default, as kubectl's)"
          + " rejects the object, warn reports that the API server drops the field, ignore says nothing.")
  String validate;

  @Option(names = "--quiet", description = "Print only violations, not the documents that passed.")
  boolean quiet;

  @Option(names = {"-o", "--output"}, paramLabel = "text|json|junit|sarif", defaultValue = "text",
      description = "Report format: text (default), json (kubeconform's shape), junit (XML, for CI test"
          + " results) or sarif (2.1.0, for code scanning). Unreadable inputs are also named on stderr.")
  String output;

  @Option(names = "--threads", paramLabel = "N",
      description = "Files checked at once (default: the number of processors); the report is the same, in the"
          + " same order, for any N.")
  Integer threads;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand
  WorkshopCommand parent;

  /** What {@code -} reads; tests give their own. */
  InputStream stdin = System.in;

  /** Runs after each object is checked; a test puts a failure here to stand for a bug in the SDK. */
  java.util.function.Consumer<CheckedDocument> afterCheck = document -> { };

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ManifestValidator validator;
    if (provider == null) {
      validator = ManifestValidator.detectingProvider();
    } else if (provider.equalsIgnoreCase("azure") || provider.equalsIgnoreCase("aws")) {
      validator = ManifestValidator.forProvider(Provider.valueOf(provider.toUpperCase(Locale.ROOT)));
    } else {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--provider: expected azure or aws, got '" + provider + "'");
    }
    if (!List.of("text", "json", "junit", "sarif").contains(output)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "-o: expected text, json, junit or sarif, got '" + output + "'");
    }
    FieldValidation fieldValidation;
    try {
      fieldValidation = FieldValidation.parse(validate);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--validate: " + e.getMessage());
    }
    validator = validator.withFieldValidation(fieldValidation);
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads: expected at least 1, got " + threads);
    }
    Tally tally = new Tally(out, err, quiet, afterCheck, ValidationOutput.of(output, out));
    try {
      validator.validate(paths, stdin, tally, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    } catch (RuntimeException | Error e) {
      out.flush();
      // one line, never the exception's message (it may quote the input); the object it happened on when known
      String prefix = "internal error while checking ";
      String what = e instanceof IllegalStateException && e.getCause() != null && e.getMessage() != null
          && e.getMessage().startsWith(prefix)
          ? "while checking " + e.getMessage().substring(prefix.length()) + " (" + e.getCause().getClass().getSimpleName()
          + ")" : "(" + e.getClass().getSimpleName() + ")";
      err.println("workshop validate: internal error " + what + "; this is a bug in the SDK, please report it"
          + " (--verbose shows the stack trace)");
      if (parent != null && parent.verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return INTERNAL_ERROR;
    }
    if (tally.output != null) {
      tally.output.finish(out, tally.objects, tally.errors, tally.warnings, tally.unreadable);
    } else {
      out.printf("%d document(s), %d error(s), %d warning(s)%s%n", tally.objects, tally.errors, tally.warnings,
          tally.unreadable == 0 ? "" : ", " + tally.unreadable + " unreadable input(s)");
    }
    if (tally.objects == 0 && tally.unreadable == 0) {
      err.println("workshop validate: no objects passed to validate (as `kubectl apply` says: no objects passed to"
          + " apply)");
    }
    out.flush();
    err.flush();
    if (tally.unreadable > 0 || tally.objects == 0) {
      return UNREADABLE;
    }
    return tally.errors > 0 ? INVALID : VALID;
  }

  /** Prints each object's verdict as it comes, and counts. */
  private static final class Tally implements ValidationListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final java.util.function.Consumer<CheckedDocument> afterCheck;
    /** A format for CI, or null for the text printed here. */
    final ValidationOutput output;
    int objects;
    int errors;
    int warnings;
    int unreadable;

    Tally(PrintWriter out, PrintWriter err, boolean quiet, java.util.function.Consumer<CheckedDocument> afterCheck,
          ValidationOutput output) {
      this.output = output;
      this.out = out;
      this.err = err;
      this.quiet = quiet;
      this.afterCheck = afterCheck;
    }

    @Override
    public void checked(CheckedDocument document) {
      afterCheck.accept(document);
      objects++;
      DocumentResult result = document.result();
      List<Violation> violations = result.report().violations();
      if (output != null) {
        output.checked(document);
        errors += (int) violations.stream().filter(Violation::isError).count();
        warnings += (int) violations.stream().filter(v -> !v.isError()).count();
        return;
      }
      // the line a document starts on, for an editor or a CI log to jump to; an unreadable document's own message
      // already names the line where reading stopped
      String where = !document.parsed() ? document.location()
          : document.source() + ":" + document.number() + (document.line() > 0 ? " (line " + document.line() + ")" : "")
          + (document.item().isEmpty() ? "" : " " + document.item()) + " " + result.describe();
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

    @Override
    public void unreadable(String source, String reason) {
      unreadable++;
      if (output != null) {
        output.unreadable(source, reason);
      }
      out.flush();
      err.println("workshop validate: " + source + ": " + reason);
      err.flush();
    }

    @Override
    public void empty(String source) {
      if (!quiet && output == null) {
        out.println(source + ": no objects (only empty documents or comments)");
      }
    }
  }
}
