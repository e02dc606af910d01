package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each command's --help: its own options and no others, lines that fit, summaries that are whole sentences. */
class HelpTest {

  private static final Set<String> WORKSHOP = Set.of("--subscription", "--resource-group", "--location", "--cluster",
      "--namespace", "--store-manifest");
  private static final Set<String> CLUSTER = Set.of("--kubeconfig", "--context");

  /** What each command uses: its --help shows these, and none of the options that only other commands use. */
  private static final Map<String, Set<String>> OPTIONS = Map.of(
      "demo", WORKSHOP,
      "plan", union(WORKSHOP, Set.of("--from", "--to")),
      "run", union(union(WORKSHOP, CLUSTER), Set.of("--dry-run", "--from", "--to", "--progress-file", "--timeout",
          "--force-conflicts", "--retries")),
      "status", Set.of("--cluster", "--namespace", "--progress-file"),
      "watch", union(CLUSTER, Set.of("--namespace", "--json", "--duration", "--rabbitmq-url", "--current-replicas",
          "--interval")),
      "teardown", union(CLUSTER, Set.of("--cluster", "--namespace", "--store-manifest", "--dry-run",
          "--progress-file")),
      "render", Set.of("--out", "--rabbitmq-username", "--rabbitmq-password-env"),
      "validate", Set.of("--provider", "--quiet", "--output"),
      "simulate", Set.of("--load", "--duration", "--from", "--region", "--json", "--namespace", "--store-manifest"));

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String help(String... command) {
    CliRun cli = new CliRun();
    String[] args = new String[command.length + 1];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--help";
    assertThat(cli.run(args)).isZero();
    return cli.out.toString();
  }

  /** The long options a help text lists in its options section. */
  private static Set<String> listedOptions(String help) {
    Set<String> options = new TreeSet<>();
    Matcher matcher = Pattern.compile("(?m)^ {2,}(?:-\\w, )?(--[a-z-]+)").matcher(help);
    while (matcher.find()) {
      options.add(matcher.group(1));
    }
    return options;
  }

  @Test
  void shouldShowEachCommandItsOwnOptionsAndNoOthers() {
    Set<String> everyOption = new TreeSet<>();
    OPTIONS.values().forEach(everyOption::addAll);
    for (Map.Entry<String, Set<String>> command : OPTIONS.entrySet()) {
      Set<String> listed = listedOptions(help(command.getKey()));
      Set<String> foreign = new TreeSet<>(everyOption);
      foreign.removeAll(command.getValue());

      assertThat(listed).as(command.getKey()).containsAll(command.getValue()).doesNotContainAnyElementsOf(foreign)
          .contains("--help", "--verbose");
    }
  }

  @Test
  void shouldNotOfferValidateOrRenderTheAzureAndClusterOptions() {
    assertThat(help("validate")).doesNotContain("--subscription", "--resource-group", "--kubeconfig", "--dry-run")
        .contains("-o, --output=text|json|junit|sarif");
    assertThat(help("render")).doesNotContain("--subscription", "--namespace", "--kubeconfig", "--store-manifest");
  }

  @Test
  void shouldPrintEveryDescriptionLineAsWrittenNeverWrappedAgain() {
    CommandLine line = WorkshopCommand.commandLine();
    int width = line.getCommandSpec().usageMessage().width();
    for (CommandLine command : commands(line)) {
      String name = command.getCommandName();
      List<String> rendered = help(name.equals("workshop") ? new String[0] : new String[] {name}).lines().toList();
      for (String written : command.getCommandSpec().usageMessage().description()) {
        assertThat(rendered).as(name + ": a description line rewrapped by picocli (longer than %d columns?)", width)
            .contains(written.stripTrailing());
      }
      assertThat(rendered).as(name).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(width));
    }
  }

  @Test
  void shouldSummariseEachCommandInAWholeSentenceOnOneLine() {
    CommandLine line = WorkshopCommand.commandLine();
    String rootHelp = help();
    for (CommandLine command : line.getSubcommands().values()) {
      if (command.getCommand() instanceof CommandLine.HelpCommand) {
        continue;
      }
      String summary = command.getCommandSpec().usageMessage().description()[0];

      assertThat(summary).as(command.getCommandName()).endsWith(".").doesNotEndWith(":.");
      assertThat(rootHelp).as(command.getCommandName()).containsPattern("(?m)^  " + command.getCommandName()
          + " +" + Pattern.quote(summary) + "$");
    }
  }

  /**
   * main builds only the command its first argument names: each command's help, and a usage mistake in it, read
   * exactly as from the command line that has every command.
   */
  @Test
  void shouldAnswerTheSameWhenOnlyTheNamedCommandIsBuilt() {
    for (String command : WorkshopCommand.commandLine().getSubcommands().keySet()) {
      for (String[] args : List.of(new String[] {command, "--help"}, new String[] {command, "--no-such-option"})) {
        java.io.StringWriter fullOut = new java.io.StringWriter();
        java.io.StringWriter fullErr = new java.io.StringWriter();
        int fullCode = WorkshopCommand.commandLine().setOut(new java.io.PrintWriter(fullOut, true))
            .setErr(new java.io.PrintWriter(fullErr, true)).execute(args);
        java.io.StringWriter oneOut = new java.io.StringWriter();
        java.io.StringWriter oneErr = new java.io.StringWriter();
        CommandLine one = WorkshopCommand.commandLine(args);
        int oneCode = one.setOut(new java.io.PrintWriter(oneOut, true))
            .setErr(new java.io.PrintWriter(oneErr, true)).execute(args);

        assertThat(one.getSubcommands().keySet()).as(command)
            .isEqualTo(command.equals("help") ? WorkshopCommand.commandLine().getSubcommands().keySet() : Set.of(command));
        assertThat(oneCode).as(String.join(" ", args)).isEqualTo(fullCode);
        assertThat(oneOut.toString()).as(String.join(" ", args)).isEqualTo(fullOut.toString());
        assertThat(oneErr.toString()).as(String.join(" ", args)).isEqualTo(fullErr.toString());
      }
    }
  }

  @Test
  void shouldListTheExitCodesInHelp() {
    assertThat(help()).contains("Exit codes:", "4   the Kubernetes API or the RabbitMQ management API does not");
    assertThat(help("run")).contains("Exit codes:", "2   usage error");
  }

  private static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> all = new java.util.ArrayList<>();
    all.add(root);
    root.getSubcommands().values().stream().filter(c -> !(c.getCommand() instanceof CommandLine.HelpCommand))
        .forEach(all::add);
    return all;
  }
}
