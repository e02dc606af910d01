package dev.autoscaling.workshop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.memo.MemoBudget;
import dev.autoscaling.workshop.WorkshopManifests;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Validates a long stream of distinct NodePools with one shared validator and prints the heap after a full GC at
 * regular points: with outcomes remembered within a budget, the heap stays flat however many distinct values come,
 * and values too large to remember (distinct 256 KiB taint values) are never kept. Not a JMH benchmark: it measures
 * memory, not time. Run it in a small heap, as in the README:
 *
 * <pre>{@code java -Xmx256m -cp <classes> dev.autoscaling.workshop.benchmark.BoundedMemoryRun [pools] [large]}</pre>
 */
public final class BoundedMemoryRun {

  private static final int LARGE_VALUE_CHARS = 256 * 1024;
  private static final int CHECKPOINTS = 20;

  private BoundedMemoryRun() {
  }

  public static void main(String[] args) {
    long pools = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
    long large = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
    long largeEvery = large == 0 ? Long.MAX_VALUE : pools / large;
    CrdValidator validator = KarpenterCrds.azure();
    MemoBudget budget = validator.memoBudget();
    ObjectNode base = (ObjectNode) Manifests.toTree(
        WorkshopManifests.armNodePool(WorkshopManifests.DEFAULT_NODECLASS));
    ((ObjectNode) base.at("/spec/template/spec")).putArray("taints").addObject()
        .put("key", "example.com/team").put("value", "a").put("effect", "NoSchedule");
    // a valid taint value of 256 KiB: letters, digits, '-', '_' and '.', starting and ending with a letter
    String filler = "_".repeat(LARGE_VALUE_CHARS - 16);

    System.out.printf(Locale.ROOT, "validating %,d distinct NodePools, %,d of them with a distinct %d KiB taint value;"
        + " max heap %d MiB; memo budget %d MiB%n", pools, large, LARGE_VALUE_CHARS / 1024,
        Runtime.getRuntime().maxMemory() >> 20, budget.maxBytes() >> 20);
    System.out.println("   validated    large   invalid  heap after GC (MiB)  memo (KiB)  memo entries  seconds");
    long start = System.nanoTime();
    long invalid = 0;
    long largeSeen = 0;
    long checkpoint = Math.max(1, pools / CHECKPOINTS);
    report(0, 0, 0, budget, start);
    for (long i = 1; i <= pools; i++) {
      ObjectNode pool = base.deepCopy();
      ((ObjectNode) pool.get("metadata")).put("name", "pool-" + i);
      ObjectNode spec = (ObjectNode) pool.get("spec");
      spec.put("weight", 1 + i % 100);
      ((ObjectNode) spec.get("disruption")).put("consolidateAfter", (i % 86_400) + "s");
      ArrayNode requirements = (ArrayNode) spec.at("/template/spec/requirements");
      ((ArrayNode) requirements.get(3).get("values")).removeAll().add("D").add("E" + i);
      ObjectNode taint = (ObjectNode) spec.at("/template/spec/taints/0");
      if (i % largeEvery == 0 && largeSeen < large) {
        taint.put("value", String.format(Locale.ROOT, "A%014d", i) + filler + "A");
        largeSeen++;
      } else {
        taint.put("value", "v" + i);
      }
      if (!validator.validate(pool).isValid()) {
        invalid++;
      }
      if (i % checkpoint == 0) {
        report(i, largeSeen, invalid, budget, start);
      }
    }
  }

  private static void report(long validated, long large, long invalid, MemoBudget budget, long start) {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "%,12d %8d %9d %20.1f %11d %13d %8.0f%n", validated, large, invalid,
        used / 1048576.0, budget.usedBytes() / 1024, budget.entries(), (System.nanoTime() - start) / 1e9);
  }
}
