package dev.autoscaling.samples.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code teardown --dry-run}: each object once, where teardown reaches it first, with every step that applies it. */
class TeardownDryRunTest {

  @Test
  void shouldListEachObjectOnceWithTheStepsThatApplyIt() {
    CliRun cli = new CliRun();

    int exit = cli.run("teardown", "--dry-run");

    assertThat(exit).as(cli.err.toString()).isZero();
    List<String> lines = cli.out.toString().lines().toList();
    List<String> targets = lines.stream().map(line -> line.substring(0, line.lastIndexOf(" ("))).toList();
    assertThat(targets).doesNotHaveDuplicates();
    assertThat(lines).first().isEqualTo("would delete nodepool/arm-nodepool (azure-linux, arm-nodepool)");
    assertThat(lines).contains("would delete aksnodeclass/default-azurelinux (azure-linux)")
        .last().isEqualTo("would delete namespace/pets (store)");
  }
}
