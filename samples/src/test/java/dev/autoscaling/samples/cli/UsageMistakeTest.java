package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A usage mistake prints the one error and where to look (exit code 2), never the whole usage. */
class UsageMistakeTest {

  private static void assertShortAnswer(CliRun cli, int exit, String command) {
    assertThat(exit).isEqualTo(ExitCode.USAGE.code());
    assertThat(cli.err.toString().lines()).as(cli.err.toString()).hasSizeBetween(2, 3)
        .last().isEqualTo("See '" + command + " --help'.");
    assertThat(cli.err.toString()).doesNotContain("Usage:", "--subscription");
    assertThat(cli.out.toString()).isEmpty();
  }

  @Test
  void shouldNameAMistypedOptionAndSuggestTheRightOne() {
    CliRun cli = new CliRun();

    int exit = cli.run("plan", "--form", "store");

    assertShortAnswer(cli, exit, "workshop plan");
    assertThat(cli.err.toString()).startsWith("workshop plan: Unknown options: '--form'")
        .contains("Did you mean: --from");
  }

  @Test
  void shouldRefuseAnOptionOfAnotherCommand() {
    CliRun cli = new CliRun();

    int exit = cli.run("validate", "--kubeconfig", "k.yaml", "x.yaml");

    assertShortAnswer(cli, exit, "workshop validate");
    assertThat(cli.err.toString()).contains("Unknown option: '--kubeconfig'");
  }

  @Test
  void shouldNameAMissingArgument() {
    CliRun cli = new CliRun();

    int exit = cli.run("validate");

    assertShortAnswer(cli, exit, "workshop validate");
    assertThat(cli.err.toString()).contains("Missing required parameter: 'FILE|DIR|-'");
  }

  @Test
  void shouldNameABadValue() {
    CliRun cli = new CliRun();

    int exit = cli.run("watch", "pods");

    assertShortAnswer(cli, exit, "workshop watch");
    assertThat(cli.err.toString()).contains("keda, karpenter, nodes, queue");
  }

  @Test
  void shouldNameTheCommandsWhenNoneOrAnUnknownOneIsGiven() {
    CliRun none = new CliRun();
    CliRun unknown = new CliRun();

    int noneExit = none.run();
    int unknownExit = unknown.run("dmeo");

    assertShortAnswer(none, noneExit, "workshop");
    assertThat(none.err.toString()).contains("missing command: one of demo, plan, run, status, watch, teardown,"
        + " render, validate");
    assertShortAnswer(unknown, unknownExit, "workshop");
    assertThat(unknown.err.toString()).contains("Unmatched argument at index 0: 'dmeo'").contains("demo");
  }

  @Test
  void shouldRefuseAnUnknownOutputFormat() {
    CliRun cli = new CliRun();

    int exit = cli.run("validate", "-o", "xml", "x.yaml");

    assertShortAnswer(cli, exit, "workshop validate");
    assertThat(cli.err.toString()).contains("-o: expected text, json, junit or sarif, got 'xml'");
  }
}
