package dev.autoscaling.keda;

import dev.autoscaling.keda.api.v1alpha1.ScaledJob;
import dev.autoscaling.keda.api.v1alpha1.ScaledJobBuilder;
import dev.autoscaling.keda.triggers.ScalerTrigger;
import dev.autoscaling.validation.ValidationException;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ScaledJobs: a Kubernetes Job per unit of work, started by KEDA. One entry point per scaler of KEDA's catalogue
 * (inherited from the generated {@link ScaledJobScalers}), or {@link #running} with typed triggers.
 *
 * <pre>{@code
 * ScaledJob resizer = ScaledJobs.azureQueue().queueName("images").queueLength(5).accountName("mediastore")
 *     .authenticationRef("azure-queue-auth").running("image-resizer", "media", jobSpec);
 * }</pre>
 */
public final class ScaledJobs extends ScaledJobScalers {

  private ScaledJobs() {
  }

  /**
   * A ScaledJob running {@code job} (fabric8's own {@link JobSpec}) for the given triggers, validated against the
   * CRD, KEDA's admission rules and its scaler catalogue.
   *
   * @throws ValidationException listing every violation
   */
  public static ScaledJob running(String name, String namespace, JobSpec job, ScalerTrigger<?>... triggers) {
    ScaledJob scaledJob = new ScaledJobBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec().withJobTargetRef(job).endSpec()
        .build();
    List<dev.autoscaling.keda.api.v1alpha1.scaledjobspec.Triggers> models = new ArrayList<>();
    Arrays.stream(triggers).forEach(t -> models.add(t.buildUncheckedForScaledJob()));
    scaledJob.getSpec().setTriggers(models);
    return KedaValidation.requireValid(scaledJob, "ScaledJob " + name);
  }
}
