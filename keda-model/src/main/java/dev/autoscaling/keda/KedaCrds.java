package dev.autoscaling.keda;

import dev.autoscaling.validation.CrdValidator;

/**
 * The KEDA CRDs this jar's models were generated from (shipped under {@code META-INF/crds/keda/}), as a validator:
 * what the API server would say about a ScaledObject, ScaledJob, TriggerAuthentication, ... before it is sent.
 */
public final class KedaCrds {

  /** The pinned KEDA release the CRDs come from. */
  public static final String KEDA_VERSION = "v2.20.2";

  static final String[] FILES = {
      "keda.sh_scaledobjects.yaml", "keda.sh_scaledjobs.yaml", "keda.sh_triggerauthentications.yaml",
      "keda.sh_clustertriggerauthentications.yaml", "eventing.keda.sh_cloudeventsources.yaml",
      "eventing.keda.sh_clustercloudeventsources.yaml"};

  private KedaCrds() {
  }

  /** Shared and thread-safe; compiled on first use (the ScaledJob CRD alone embeds a whole PodSpec). */
  public static CrdValidator validator() {
    return Holder.VALIDATOR;
  }

  private static final class Holder {
    static final CrdValidator VALIDATOR = CrdValidator.fromClasspath(resources());

    private static String[] resources() {
      String[] resources = new String[FILES.length];
      for (int i = 0; i < FILES.length; i++) {
        resources[i] = "META-INF/crds/keda/" + FILES[i];
      }
      return resources;
    }
  }
}
