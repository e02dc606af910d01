package dev.autoscaling.workshop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.keda.KedaCrds;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.Violation;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Two measuring aids on the objects {@link PeerObjectsBenchmark} validates (the peer's {@code nodepools.jsonl} and
 * {@code scaledobjects.jsonl}, after {@code node gen.mjs}), for changes to the validator's hot path. Not a JMH
 * benchmark; run it with the classes before and after a change:
 *
 * <pre>{@code
 * java -cp <classes> dev.autoscaling.workshop.benchmark.PeerReportDump dump PEER_DIR OUT_FILE
 * java -cp <classes> dev.autoscaling.workshop.benchmark.PeerReportDump cpu PEER_DIR [rounds] [np|so]
 * }</pre>
 *
 * <p>{@code dump} writes every violation (severity, path, rule, reason, message) of every NodePool and ScaledObject,
 * then of a mutated, invalid copy of each, and prints the file's MD5: a change to the hot path must leave it
 * byte-identical. The mutations cycle through schema errors (type, enum, range, required, unknown field, pattern),
 * metadata errors and CEL rule failures, so the reports exercise the blocking-error and rule paths too.
 *
 * <p>{@code cpu} prints this thread's CPU time and allocated bytes per validation over all distinct objects, round
 * by round (the second half of the rounds, after the JIT has settled): unlike a throughput figure, these stay
 * comparable when other processes share the machine.
 */
public final class PeerReportDump {

  private PeerReportDump() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: dump PEER_DIR OUT_FILE | cpu PEER_DIR [rounds] [np|so]");
    }
    Path dir = Path.of(args[1]);
    JsonNode[] nodePools = PeerObjectsBenchmark.read(dir.resolve("nodepools.jsonl"));
    JsonNode[] scaledObjects = PeerObjectsBenchmark.read(dir.resolve("scaledobjects.jsonl"));
    CrdValidator karpenter = KarpenterCrds.azure();
    CrdValidator keda = KedaCrds.validator();
    switch (args[0]) {
      case "dump" -> dump(Path.of(args[2]), karpenter, nodePools, keda, scaledObjects);
      case "cpu" -> cpu(args.length > 2 ? Integer.parseInt(args[2]) : 20, args.length > 3 ? args[3] : "",
          karpenter, nodePools, keda, scaledObjects);
      default -> throw new IllegalArgumentException("unknown mode " + args[0] + ": dump or cpu");
    }
  }

  private static void dump(Path out, CrdValidator karpenter, JsonNode[] nodePools, CrdValidator keda,
                           JsonNode[] scaledObjects) throws IOException {
    JsonNode[] invalidPools = new JsonNode[nodePools.length];
    for (int i = 0; i < nodePools.length; i++) {
      invalidPools[i] = invalidNodePool(nodePools[i], i);
    }
    JsonNode[] invalidScaledObjects = new JsonNode[scaledObjects.length];
    for (int i = 0; i < scaledObjects.length; i++) {
      invalidScaledObjects[i] = invalidScaledObject(scaledObjects[i], i);
    }
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      dump(writer, "NodePool", karpenter, nodePools);
      dump(writer, "ScaledObject", keda, scaledObjects);
      dump(writer, "invalid NodePool", karpenter, invalidPools);
      dump(writer, "invalid ScaledObject", keda, invalidScaledObjects);
    }
    System.out.println(md5(out) + "  " + out);
  }

  private static void dump(Writer writer, String label, CrdValidator validator, JsonNode[] objects)
      throws IOException {
    for (int i = 0; i < objects.length; i++) {
      List<Violation> violations = validator.validate(objects[i]).violations();
      writer.write(label + " " + i + ": " + violations.size() + "\n");
      for (Violation v : violations) {
        writer.write("  " + v.severity() + " | " + v.path() + " | " + v.rule() + " | " + v.reason() + " | "
            + v.message() + "\n");
      }
    }
  }

  /** A copy of the NodePool with one error, a different kind of error for consecutive objects. */
  static JsonNode invalidNodePool(JsonNode pool, int i) {
    ObjectNode copy = pool.deepCopy();
    ObjectNode spec = (ObjectNode) copy.get("spec");
    ObjectNode templateSpec = (ObjectNode) spec.get("template").get("spec");
    ArrayNode requirements = (ArrayNode) templateSpec.get("requirements");
    switch (i % 12) {
      case 0 -> spec.put("weight", 0); // minimum
      case 1 -> ((ObjectNode) requirements.get(0)).put("operator", "Bogus"); // enum
      case 2 -> spec.put("unknownField", 1); // strict field validation
      case 3 -> ((ObjectNode) templateSpec.get("nodeClassRef")).remove("name"); // required
      case 4 -> ((ObjectNode) requirements.get(4)).putArray("values"); // CEL: Gt/Lt need one value
      case 5 -> ((ObjectNode) copy.get("metadata")).put("name", "Pool_" + i); // metadata name
      case 6 -> ((ObjectNode) requirements.get(1)).put("key", "karpenter.sh/nodepool"); // CEL on the key
      case 7 -> ((ObjectNode) spec.get("disruption")).put("consolidateAfter", "soon"); // pattern
      case 8 -> ((ObjectNode) copy.get("metadata")).putObject("labels").put("bad key/x/y", "v" + i); // label key
      case 9 -> ((ObjectNode) requirements.get(2)).put("minValues", 100); // CEL: minValues over values
      case 10 -> spec.put("weight", "heavy"); // type
      default -> {
        ((ObjectNode) requirements.get(3)).put("operator", "Exists");
        ((ObjectNode) spec.get("disruption")).putArray("budgets").addObject().put("nodes", "x" + i);
      }
    }
    return copy;
  }

  /** A copy of the ScaledObject with one error, a different kind of error for consecutive objects. */
  static JsonNode invalidScaledObject(JsonNode object, int i) {
    ObjectNode copy = object.deepCopy();
    ObjectNode spec = (ObjectNode) copy.get("spec");
    ObjectNode trigger = (ObjectNode) spec.get("triggers").get(0);
    switch (i % 10) {
      case 0 -> spec.put("minReplicaCount", 500); // CEL: min above max
      case 1 -> spec.put("maxReplicaCount", -3); // minimum
      case 2 -> spec.put("unknownField", true); // strict field validation
      case 3 -> ((ObjectNode) spec.get("scaleTargetRef")).remove("name"); // required
      case 4 -> trigger.remove("type"); // required in a list item
      case 5 -> ((ObjectNode) copy.get("metadata")).put("namespace", "Pets." + i); // metadata namespace
      case 6 -> spec.putArray("triggers"); // empty list
      case 7 -> spec.put("pollingInterval", "often"); // type
      case 8 -> spec.putObject("advanced").putObject("horizontalPodAutoscalerConfig").put("name", i); // type, deep
      default -> {
        trigger.put("useCachedMetrics", "yes");
        spec.putObject("fallback").put("failureThreshold", -1);
      }
    }
    return copy;
  }

  private static void cpu(int rounds, String only, CrdValidator karpenter, JsonNode[] nodePools, CrdValidator keda,
                          JsonNode[] scaledObjects) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      for (String kind : new String[] {"np", "so"}) {
        if (!only.isEmpty() && !only.equals(kind)) {
          continue;
        }
        CrdValidator validator = kind.equals("np") ? karpenter : keda;
        JsonNode[] objects = kind.equals("np") ? nodePools : scaledObjects;
        long cpu = threads.getCurrentThreadCpuTime();
        long bytes = threads.getThreadAllocatedBytes(thread);
        for (JsonNode object : objects) {
          sink += validator.validate(object).violations().size();
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        bytes = threads.getThreadAllocatedBytes(thread) - bytes;
        if (round >= rounds / 2) {
          System.out.printf(Locale.ROOT, "%s round %d: %.0f ns/op thread cpu, %.0f B/op%n", kind, round,
              cpu / (double) objects.length, bytes / (double) objects.length);
        }
      }
    }
    System.out.println("violations seen: " + sink); // keeps the validations from being optimised away
  }

  private static String md5(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a standard algorithm of every JRE", e);
    }
  }
}
