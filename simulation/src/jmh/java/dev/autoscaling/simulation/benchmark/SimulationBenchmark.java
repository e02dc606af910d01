package dev.autoscaling.simulation.benchmark;

import dev.autoscaling.simulation.SimulationResult;
import dev.autoscaling.simulation.WorkshopObjects;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;

/**
 * The workshop's run (the store, its ScaledObject, NAP's NodePools, the system pool tainted, the arm pool, the move
 * to Azure Linux, the load stopping at 40 min) simulated at 1 s steps: a whole day, against the first hour of the
 * same run as the baseline measured beside it. The target is under 2 s per simulated day (more than 0.5
 * ops/s for {@link #day}); day/hour near 24 says the cost per step stays flat once the cluster is quiet.
 */
@State(Scope.Benchmark)
public class SimulationBenchmark {

  @Benchmark
  public SimulationResult day() {
    return WorkshopObjects.workshopRun().run(Duration.ofHours(24));
  }

  @Benchmark
  public SimulationResult hour() {
    return WorkshopObjects.workshopRun().run(Duration.ofHours(1));
  }
}
