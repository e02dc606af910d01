package dev.autoscaling.workshop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoscaling.karpenter.KarpenterCrds;
import dev.autoscaling.keda.KedaCrds;
import dev.autoscaling.keda.KedaValidation;
import dev.autoscaling.validation.CrdValidator;
import dev.autoscaling.validation.ValidationReport;
import dev.autoscaling.validation.Violation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK on the very objects the schema-only peer ({@code ../shared/bench/peer}, ajv over the CRDs' OpenAPI schema)
 * validates: its generator's {@code nodepools.jsonl} and {@code scaledobjects.jsonl}, parsed to JSON trees first as
 * the peer parses them, one object per operation, cycling through all of them so nearly every value is new.
 * {@code bench/compare-peer.sh} runs this and the peer's {@code throughput.mjs} in one run and prints the ratios.
 *
 * <p>{@code peerDir} is the folder holding the generated files (the script passes it with {@code -p peerDir=...}).
 */
@State(Scope.Benchmark)
public class PeerObjectsBenchmark {

  @Param("")
  public String peerDir;

  private JsonNode[] nodePools;
  private JsonNode[] scaledObjects;
  private CrdValidator karpenter;
  private CrdValidator keda;
  private int nextNodePool;
  private int nextScaledObject;

  @Setup
  public void setUp() {
    if (peerDir.isEmpty()) {
      throw new IllegalStateException("pass the peer's folder (after `node gen.mjs`): -p peerDir=/path/to/peer");
    }
    nodePools = read(Path.of(peerDir, "nodepools.jsonl"));
    scaledObjects = read(Path.of(peerDir, "scaledobjects.jsonl"));
    karpenter = KarpenterCrds.azure();
    keda = KedaCrds.validator();
    // the comparison is only fair on objects both sides accept: say so before measuring, not after
    requireValid("NodePool", karpenter.validate(nodePools[0]).violations());
    requireValid("NodePool", karpenter.validate(nodePools[nodePools.length - 1]).violations());
    requireValid("ScaledObject", KedaValidation.validate(scaledObjects[0]));
    requireValid("ScaledObject", KedaValidation.validate(scaledObjects[scaledObjects.length - 1]));
  }

  private static void requireValid(String kind, List<Violation> violations) {
    if (violations.stream().anyMatch(Violation::isError)) {
      throw new IllegalStateException("the peer's " + kind + "s must be valid here too: " + violations);
    }
  }

  /** The JSON lines of a file as trees, one per line (shared with {@link PeerReportDump}). */
  static JsonNode[] read(Path file) {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> trees = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          trees.add(mapper.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    if (trees.isEmpty()) {
      throw new IllegalStateException(file + " holds no objects");
    }
    return trees.toArray(JsonNode[]::new);
  }

  /** Schema (with defaulting, unknown fields) and every CEL rule of the Azure provider's NodePool CRD. */
  @Benchmark
  public ValidationReport nodePool() {
    JsonNode pool = nodePools[nextNodePool];
    nextNodePool = nextNodePool + 1 == nodePools.length ? 0 : nextNodePool + 1;
    return karpenter.validate(pool);
  }

  /** Schema and CEL rules of KEDA's ScaledObject CRD: what the API server checks. */
  @Benchmark
  public ValidationReport scaledObjectSchemaAndCel() {
    JsonNode object = scaledObjects[nextScaledObject];
    nextScaledObject = nextScaledObject + 1 == scaledObjects.length ? 0 : nextScaledObject + 1;
    return keda.validate(object);
  }

  /** As the API server, then KEDA's admission webhook and scaler catalogue (trigger metadata). */
  @Benchmark
  public List<Violation> scaledObjectFull() {
    JsonNode object = scaledObjects[nextScaledObject];
    nextScaledObject = nextScaledObject + 1 == scaledObjects.length ? 0 : nextScaledObject + 1;
    return KedaValidation.validate(object);
  }
}
