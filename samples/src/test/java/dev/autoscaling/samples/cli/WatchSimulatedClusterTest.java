package dev.autoscaling.samples.cli;

import dev.autoscaling.samples.simulate.LiveCluster;
import dev.autoscaling.simulation.cluster.Taint;
import dev.autoscaling.workshop.StoreManifest;
import dev.autoscaling.workshop.WorkshopConfig;
import dev.autoscaling.workshop.WorkshopManifests;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code workshop watch} against the embedded API server while the simulated controllers run on it: the watch reads
 * the cluster with the informers it uses on AKS, and shows the replicas KEDA's HPA sets and the nodes Karpenter
 * launches and consolidates away. Each step waits for the line it expects (no fixed sleeps).
 */
class WatchSimulatedClusterTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** The output of a command, with a wait for a condition on it. */
  private static final class Output extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
      notifyAll();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    synchronized boolean await(Predicate<String> condition) throws InterruptedException {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!condition.test(text.toString())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }

    @Override
    public synchronized String toString() {
      return text.toString();
    }
  }

  /** {@code workshop watch ...} on a thread of its own until the test ends (then interrupted, as Ctrl-C would). */
  private static Thread watch(Output out, String... args) {
    Thread thread = new Thread(() -> WorkshopCommand.commandLine().setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(out, true)).execute(args), "workshop-watch");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Whether a line of the text ends with this pattern. */
  private static boolean line(String text, String pattern) {
    return java.util.regex.Pattern.compile("(?m)" + pattern + "$").matcher(text).find();
  }

  private static void apply(KubernetesClient client, HasMetadata object) {
    client.resource(object).create();
  }

  @Test
  void shouldShowTheReplicasAndNodesTheSimulatedControllersChange(@TempDir Path dir) throws Exception {
    WorkshopConfig config = Workshops.defaults();
    List<Thread> watches = new ArrayList<>();
    try (EmbeddedApiServer server = EmbeddedApiServer.start();
        LiveCluster live = LiveCluster.start(server.client(), config.namespace(), 400, line -> { })) {
      try {
        watchTheWorkshop(server, live, config, dir, watches);
      } finally {
        // the watches end before the server does, as they would on Ctrl-C
        watches.forEach(Thread::interrupt);
        for (Thread watch : watches) {
          watch.join(5000);
        }
      }
    }
  }

  private static void watchTheWorkshop(EmbeddedApiServer server, LiveCluster live, WorkshopConfig config, Path dir,
      List<Thread> watches) throws Exception {
    String ns = config.namespace();
    KubernetesClient client = server.client();
    String kubeconfig = WorkshopCliTest.kubeconfig(dir, server.url()).toString();
    Output keda = new Output();
    Output karpenter = new Output();
    watches.add(watch(keda, "watch", "keda", "--kubeconfig", kubeconfig, "--namespace", ns));
    watches.add(watch(karpenter, "watch", "karpenter", "--kubeconfig", kubeconfig));

    // the store step and the keda-scaler step's ScaledObject
    apply(client, new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build());
    StoreManifest.objects(StoreManifest.read(config.storeManifest()), ns).forEach(o -> apply(client, o));
    apply(client, WorkshopManifests.virtualWorkerScaledObject(config));
    assertThat(keda.await(t -> t.contains("added   virtual-worker  replicas 1"))).as(keda::toString).isTrue();

    // the nap step: the system pool tainted NoExecute; NAP's default pool launches an amd64 node
    live.taintSystemPool(Taint.parse(config.systemPoolTaint().asTaintString()));
    assertThat(karpenter.await(t -> t.contains("added   aks-default-") && t.contains("Launched")
        && line(t, "(?:added   |changed )aks-default-\\S+  nodepool default  amd64  [^\n]+  Ready")))
        .as(karpenter::toString).isTrue();

    // the load step: 4 virtual customers; KEDA's HPA scales virtual-worker out
    client.apps().deployments().inNamespace(ns).withName(WorkshopManifests.VIRTUAL_CUSTOMER)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":4}}");
    assertThat(keda.await(t -> t.contains("SuccessfulRescale") && t.contains("New size: 2")
        && t.contains("changed virtual-worker  replicas 2, ready 2"))).as(keda::toString).isTrue();

    // the arm-nodepool step: Karpenter replaces the amd64 node with a cheaper arm64 one and deletes the old
    apply(client, WorkshopManifests.armNodePool(config, WorkshopManifests.DEFAULT_NODECLASS));
    assertThat(karpenter.await(t -> t.contains("deleted aks-default-") && t.contains("DisruptionTerminating")
        && line(t, "(?:added   |changed )aks-arm-nodepool-\\S+  nodepool arm-nodepool  arm64  [^\n]+  Ready")))
        .as(karpenter::toString).isTrue();
  }
}
