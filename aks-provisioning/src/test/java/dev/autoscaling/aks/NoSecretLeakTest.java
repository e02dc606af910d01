package dev.autoscaling.aks;

import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * With the Azure SDK logging everything it can (verbose, HTTP bodies and headers), no token and no kubeconfig appear
 * in a log line, a toString, an exception message or a plan.
 */
class NoSecretLeakTest {

  private static final String ARM_TOKEN = "arm-token-canary-5f2e9a";
  private static final String KUBE_TOKEN = "kube-token-canary-b81c44";
  private static final String CLIENT_KEY = "Y2xpZW50LWtleS1jYW5hcnktMzNhYQ==";
  private static final String KUBECONFIG = WorkshopSequenceTest.KUBECONFIG
      .replace("kubeconfig-canary-7c1e0f", KUBE_TOKEN) + "    client-key-data: " + CLIENT_KEY + "\n";

  private final AksClusterSpec spec = AksClusterSpec.workshop();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private ArmDouble arm;
  private AksManager aks;

  @BeforeEach
  void captureLogsAndStartArm() throws Exception {
    originalErr = System.err;
    // slf4j-simple writes to whatever System.err is at the time of each line.
    System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    arm = new ArmDouble().kubeconfig(KUBECONFIG);
    aks = arm.configure()
        .withLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BODY_AND_HEADERS))
        .authenticate(new CountingCredential(ARM_TOKEN), arm.profile());
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    arm.close();
  }

  @Test
  void shouldKeepTokensAndKubeconfigsOutOfLogsToStringsExceptionsAndPlans(@TempDir Path dir) throws Exception {
    // Given
    List<String> texts = new ArrayList<>();

    // When: the whole sequence, a conflict, and the credentials in every form
    aks.features().ensureNodeAutoProvisioning(p -> texts.add(p.toString()));
    aks.resourceGroups().ensure(spec);
    aks.clusters().createOrUpdate(spec, OnDifference.FAIL, p -> texts.add(p.toString()));
    AksCredentials credentials = aks.clusters().userCredentials(spec);
    texts.add(credentials.toString());
    texts.add(credentials.toConfig().getMasterUrl());
    texts.add(aks.toString());
    texts.add(aks.plan(spec, SystemPoolTaint.noSchedule()).toString());
    arm.conflictNext("POST", ".*/listclusterusercredential", "Conflict", "The cluster is being upgraded.");
    texts.add(catchThrowable(() -> aks.clusters().userCredentials(spec)).toString());
    Path kubeconfig = dir.resolve("config");
    credentials.writeKubeconfig(kubeconfig);
    texts.add(catchThrowable(() -> credentials.writeKubeconfig(kubeconfig)).getMessage());
    texts.add(catchThrowable(() -> new AksCredentials("rg/c", ("{{ not yaml: " + KUBE_TOKEN).getBytes(
        StandardCharsets.UTF_8)).toConfig()).getMessage());
    System.err.flush();
    String log = captured.toString(StandardCharsets.UTF_8);

    // Then: the SDK did log, bodies and headers included, and the bearer header reached ARM
    assertThat(log).contains("listClusterUserCredential").contains("body not logged: it holds a kubeconfig")
        .contains("\"registrationState\"").contains("x-ms-request-id");
    assertThat(arm.requests()).allSatisfy(r -> assertThat(r.headers().get("authorization"))
        .isEqualTo("Bearer " + ARM_TOKEN));

    // Then: no secret anywhere
    String kubeconfigBase64 = Base64.getEncoder().encodeToString(KUBECONFIG.getBytes(StandardCharsets.UTF_8));
    for (String secret : List.of(ARM_TOKEN, KUBE_TOKEN, CLIENT_KEY, kubeconfigBase64.substring(0, 40))) {
      assertThat(log).doesNotContain(secret);
      assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }

    // Then: the kubeconfig file is the owner's alone, and was not overwritten
    assertThat(Files.readString(kubeconfig)).isEqualTo(KUBECONFIG);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
    assertThatThrownBy(() -> credentials.writeKubeconfig(kubeconfig)).hasMessageContaining("never overwritten");
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
      first.flush();
      second.flush();
    }
  }
}
