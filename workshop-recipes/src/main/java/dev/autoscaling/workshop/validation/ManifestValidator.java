package dev.autoscaling.workshop.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.karpenter.Labels;
import dev.autoscaling.keda.KedaAuthentications;
import dev.autoscaling.keda.KedaValidation;
import dev.autoscaling.keda.KedaCrds;
import dev.autoscaling.manifest.ListItems;
import dev.autoscaling.manifest.ManifestDocument;
import dev.autoscaling.manifest.ManifestLimits;
import dev.autoscaling.manifest.ManifestProblem;
import dev.autoscaling.manifest.ManifestReader;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.manifest.UnreadableInputException;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.DocumentResult;
import dev.autoscaling.validation.FieldValidation;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Checks manifest files the way {@code kubectl apply} would be answered: read as kubectl reads them
 * ({@link ManifestReader}: one document at a time, lists flattened into their items, a duplicate field refused as the
 * API server's strict decoding refuses it), every KEDA and Karpenter object against its pinned CRD; Kubernetes core
 * kinds are passed through as not checked. A karpenter.sh document is checked
 * against the Azure provider's CRDs unless its NodeClass reference names AWS's group, or a provider is forced.
 */
public final class ManifestValidator {

  private static final String AWS_GROUP = "karpenter.k8s.aws";

  private final Provider forcedProvider;
  private final FieldValidation fieldValidation;
  /** The (Cluster)TriggerAuthentications of the input being read: applied together, triggers find them. */
  private KedaAuthentications authentications;
  /** Sees every keda.sh object as it is checked, when a parallel walk must know what a file read and needed. */
  private final Consumer<JsonNode> kedaObjects;

  private ManifestValidator(Provider forcedProvider, FieldValidation fieldValidation) {
    this(forcedProvider, fieldValidation, new KedaAuthentications(), null);
  }

  private ManifestValidator(Provider forcedProvider, FieldValidation fieldValidation,
      KedaAuthentications authentications, Consumer<JsonNode> kedaObjects) {
    this.forcedProvider = forcedProvider;
    this.fieldValidation = fieldValidation;
    this.authentications = authentications;
    this.kedaObjects = kedaObjects;
  }

  /**
   * The same checks for one file read on its own thread: the authentications it finds triggers' references in, and
   * who sees its keda.sh objects (null: nobody). Each such validator reads one file and is then dropped.
   */
  ManifestValidator forFile(KedaAuthentications fileAuthentications, Consumer<JsonNode> fileKedaObjects) {
    return new ManifestValidator(forcedProvider, fieldValidation, fileAuthentications, fileKedaObjects);
  }

  /** Chooses the provider per document from its NodeClass reference. */
  public static ManifestValidator detectingProvider() {
    return new ManifestValidator(null, FieldValidation.STRICT);
  }

  /** Checks every karpenter.sh document against the given provider's CRDs. */
  public static ManifestValidator forProvider(Provider provider) {
    return new ManifestValidator(provider, FieldValidation.STRICT);
  }

  /**
   * The same checks, unknown fields treated as {@code kubectl apply --validate=...} treats them (by default
   * {@link FieldValidation#STRICT}: an error).
   */
  public ManifestValidator withFieldValidation(FieldValidation fieldValidation) {
    return new ManifestValidator(forcedProvider, java.util.Objects.requireNonNull(fieldValidation, "fieldValidation"));
  }

  /**
   * Every object of every input, handed to the listener as it is checked: {@code -} is the given standard input;
   * folders are walked for {@code .yaml}, {@code .yml} and {@code .json} files (in name order). An input that cannot
   * be read is named to the listener and the others are still read; nothing is ever opened that is not a regular
   * file (a FIFO would wait for a writer forever, a device never ends).
   *
   * @throws IllegalStateException when checking an object fails inside this SDK (a bug), naming the object
   */
  public void validate(List<Path> paths, InputStream stdin, ValidationListener listener) {
    authentications = new KedaAuthentications();
    boolean stdinRead = false;
    for (Path path : paths) {
      if (path.toString().equals("-")) {
        if (stdinRead) {
          listener.unreadable("-", "standard input was read already");
        } else {
          stdinRead = true;
          read("-", stdin, listener);
        }
        continue;
      }
      for (Path file : files(path, listener)) {
        readFile(file, listener);
      }
    }
  }

  /**
   * As {@link #validate(List, InputStream, ValidationListener)}, the files read by up to {@code threads} threads at
   * once: the listener hears exactly what it hears with one thread, in the same order, on the calling thread.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public void validate(List<Path> paths, InputStream stdin, ValidationListener listener, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (threads == 1) {
      validate(paths, stdin, listener);
    } else {
      new ParallelFiles(this, threads).validate(paths, stdin, listener);
    }
  }

  /** Every object of one YAML or JSON text; {@code source} names it in the results. */
  public List<CheckedDocument> validate(String source, String text) {
    authentications = new KedaAuthentications();
    List<CheckedDocument> checked = new ArrayList<>();
    try (ManifestReader reader = ManifestReader.of(text, source)) {
      readAll(reader, checked::add);
    } catch (UnreadableInputException e) {
      checked.add(unreadableDocument(source, checked.size() + 1, e.reason()));
    }
    return checked;
  }

  /** Objects built in Java, checked exactly as their YAML would be; {@code source} names them in the results. */
  public List<CheckedDocument> validateObjects(String source, List<? extends HasMetadata> objects) {
    authentications = new KedaAuthentications();
    List<CheckedDocument> checked = new ArrayList<>(objects.size());
    for (int i = 0; i < objects.size(); i++) {
      checked.add(check(source, i + 1, "", 0, Manifests.toTree(objects.get(i)), List.of()));
    }
    return checked;
  }

  void readFile(Path file, ValidationListener listener) {
    ManifestReader reader;
    try {
      reader = ManifestReader.open(file, ManifestLimits.DEFAULT);
    } catch (UnreadableInputException e) {
      listener.unreadable(e.source(), e.reason());
      return;
    }
    read(reader, listener);
  }

  void read(String name, InputStream in, ValidationListener listener) {
    read(ManifestReader.open(in, name), listener);
  }

  private void read(ManifestReader input, ValidationListener listener) {
    String name = input.source();
    int[] objects = {0};
    try (ManifestReader reader = input) {
      readAll(reader, document -> {
        objects[0]++;
        listener.checked(document);
      });
    } catch (UnreadableInputException e) {
      listener.unreadable(name, e.reason());
      return;
    }
    if (objects[0] == 0) {
      listener.empty(name);
    }
  }

  private void readAll(ManifestReader reader, java.util.function.Consumer<CheckedDocument> each) {
    while (reader.hasNext()) {
      ManifestDocument document = reader.next();
      String source = document.source();
      if (!document.parsed()) {
        ManifestProblem problem = document.problems().get(0);
        each.accept(new CheckedDocument(source, document.number(), "", document.line(), false,
            new DocumentResult(document.number() - 1, "", "", "", false, new ValidationReport(List.of(
                Violation.error("", "syntax", (problem.line() > 0 ? problem.where() + ": " : "")
                    + problem.message())))), "not checked: unreadable"));
        continue;
      }
      List<Violation> strict = new ArrayList<>(document.problems().size());
      for (ManifestProblem problem : document.problems()) {
        strict.add(Violation.error(problem.path(), "strict decoding", problem.message()));
      }
      if (ListItems.isList(document.tree())) {
        if (!strict.isEmpty()) { // the list's own fields are no item's: they are reported on the list
          JsonNode list = document.tree();
          each.accept(new CheckedDocument(source, document.number(), "", document.line(), true,
              new DocumentResult(document.number() - 1, list.path("apiVersion").asText(""),
                  list.path("kind").asText(""), list.path("metadata").path("name").asText(""), false,
                  new ValidationReport(strict)), "not checked: a list, its items are checked one by one"));
        }
        for (ListItems.Item item : ListItems.of(document.tree())) {
          each.accept(check(source, document.number(), item.path(), document.line(), item.object(), List.of()));
        }
      } else {
        each.accept(check(source, document.number(), "", document.line(), document.tree(), strict));
      }
    }
  }

  private static CheckedDocument unreadableDocument(String source, int number, String reason) {
    return new CheckedDocument(source, number, "", 0, false, new DocumentResult(number - 1, "", "", "", false,
        new ValidationReport(List.of(Violation.error("", "syntax", reason)))), "not checked: unreadable");
  }

  private CheckedDocument check(String source, int number, String item, int line, JsonNode document,
      List<Violation> strict) {
    try {
      return checkOnce(source, number, item, line, document, strict);
    } catch (RuntimeException | StackOverflowError e) {
      throw new IllegalStateException("internal error while checking " + source + ":" + number
          + (item.isEmpty() ? "" : " " + item), e);
    }
  }

  private CheckedDocument checkOnce(String source, int number, String item, int line, JsonNode document,
      List<Violation> strict) {
    int index = number - 1;
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
          return new CheckedDocument(source, number, item, line, true, new DocumentResult(index, apiVersion, kind,
              name, false, withStrict(strict, KedaCrds.validator().validate(document))),
              "not checked: not a Kubernetes object");
        }
        String why = group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io")
            ? "not checked: a Kubernetes built-in kind" : "not checked: no CRD for " + group + " is loaded";
        return new CheckedDocument(source, number, item, line, true,
            new DocumentResult(index, apiVersion, kind, name, false, new ValidationReport(strict)), why);
      }
    }
    // for keda.sh kinds KEDA's admission webhook and scaler catalogue answer too, after the API server
    if (kedaObjects != null && group.equals("keda.sh")) {
      kedaObjects.accept(document);
    }
    ValidationReport report = group.equals("keda.sh")
        ? KedaValidation.check(document, fieldValidation, authentications)
        : validator.withFieldValidation(fieldValidation).validate(document);
    if (kind.equals("NodePool") && group.equals("karpenter.sh")) {
      report = namingReservedKeys(document, report);
    }
    return new CheckedDocument(source, number, item, line, true,
        new DocumentResult(index, apiVersion, kind, name, true, withStrict(strict, report)), against);
  }

  /**
   * Where the CRD refuses a requirement's key for its reserved domain, also the key itself and the one probably
   * meant, as the NodePool facade says it; never where the CRD accepts the key.
   */
  private static ValidationReport namingReservedKeys(JsonNode pool, ValidationReport report) {
    List<Violation> named = new ArrayList<>(0);
    for (Violation key : Labels.unknownReservedKeys(pool)) {
      boolean refused = report.errors().stream()
          .anyMatch(v -> v.path().equals(key.path()) && v.message().contains("is restricted"));
      if (refused) {
        named.add(key);
      }
    }
    if (named.isEmpty()) {
      return report;
    }
    List<Violation> all = new ArrayList<>(report.violations());
    all.addAll(named);
    return new ValidationReport(all);
  }

  /** Duplicate fields first: the API server's strict decoding refuses them before any schema is consulted. */
  private static ValidationReport withStrict(List<Violation> strict, ValidationReport report) {
    if (strict.isEmpty()) {
      return report;
    }
    List<Violation> all = new ArrayList<>(strict);
    all.addAll(report.violations());
    return new ValidationReport(all);
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

  /** The files a path names, in name order; whatever cannot be read is named to the listener. */
  static List<Path> files(Path path, ValidationListener listener) {
    return files(path, listener, new FileWalk(null, 0));
  }

  /** As {@link #files(Path, ValidationListener)}, walked by {@code walk} (which may read on other threads). */
  static List<Path> files(Path path, ValidationListener listener, FileWalk walk) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      listener.unreadable(path.toString(), "no such file or folder");
      return List.of();
    } catch (IOException e) {
      listener.unreadable(path.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
      return List.of();
    }
    if (attributes.isRegularFile()) {
      return List.of(path);
    }
    if (!attributes.isDirectory()) {
      listener.unreadable(path.toString(), notRegular(path));
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try {
      walk.walk(path, new FileWalk.Visitor() {
        @Override
        public void visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
          if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            if (attrs.isRegularFile() || Files.isRegularFile(file)) {
              files.add(file);
            } else if (!Files.isDirectory(file)) {
              listener.unreadable(file.toString(), notRegular(file));
            }
          }
        }

        @Override
        public void visitFileFailed(Path file, IOException e) {
          listener.unreadable(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
      });
    } catch (IOException e) {
      listener.unreadable(path.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    files.sort(null);
    return files;
  }

  /** Why a path that is neither a file nor a folder is not opened, naming what it is where the system says. */
  private static String notRegular(Path path) {
    String what = "";
    try {
      int type = ((Integer) Files.getAttribute(path, "unix:mode")) & 0170000;
      what = switch (type) {
        case 0010000 -> " (a FIFO)";
        case 0020000 -> " (a character device)";
        case 0060000 -> " (a block device)";
        case 0140000 -> " (a socket)";
        default -> "";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // no unix view here: say no more than that it is not a file
    }
    return "not a regular file" + what + ", not opened: it may never end or wait for a writer forever; to check"
        + " a stream, pipe it to `workshop validate -`";
  }
}
