package dev.autoscaling.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.testing.FuzzStatistics;
import dev.autoscaling.validation.testing.Mutations;
import dev.autoscaling.validation.testing.Mutations.Mutation;
import dev.autoscaling.validation.testing.PinnedFiles;
import dev.autoscaling.validation.testing.Skeletons;
import dev.autoscaling.validation.testing.Skeletons.Skeleton;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Mutations of an object for every kind and version of every pinned CRD, validated on create and on update: every
 * one gets a report, never an exception, and no violation grows with the input.
 */
class CrdValidatorFuzzTest {

  private static final String[] PROVIDERS = {"keda", "karpenter-azure", "karpenter-aws"};
  private static final Map<String, CrdValidator> VALIDATORS = new LinkedHashMap<>();
  private static final List<Skeleton> SKELETONS = new ArrayList<>();
  private static final FuzzStatistics STATISTICS = new FuzzStatistics("CrdValidator, every pinned CRD");

  static {
    for (String provider : PROVIDERS) {
      VALIDATORS.put(provider, validator(provider));
      SKELETONS.addAll(Skeletons.of(provider));
    }
  }

  private static CrdValidator validator(String provider) {
    try (Stream<Path> files = Files.list(PinnedFiles.crdsDir().resolve(provider))) {
      List<JsonNode> crds = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        crds.addAll(Manifests.parseAll(Files.readString(file)));
      }
      return CrdValidator.of(crds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<Skeleton> skeletons() {
    return Arbitraries.of(SKELETONS);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutations.mutations();
  }

  @Property(seed = "20260114")
  void shouldAnswerEveryMutationOfEveryPinnedCrd(@ForAll("skeletons") Skeleton skeleton,
                                                 @ForAll("mutations") List<Mutation> mutations) {
    JsonNode object = Mutations.apply(skeleton.object(), mutations);
    CrdValidator validator = VALIDATORS.get(skeleton.name().substring(0, skeleton.name().indexOf('/')));

    STATISTICS.time(() -> {
      FuzzStatistics.assertBounded(validator.validate(object).violations());
      FuzzStatistics.assertBounded(validator.validateUpdate(object, skeleton.object()).violations());
      FuzzStatistics.assertBounded(validator.validateUpdate(skeleton.object(), object).violations());
    });
  }

  @AfterContainer
  static void report() {
    STATISTICS.print();
  }
}
