package dev.autoscaling.workshop.step;

import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.workshop.validation.CheckedDocument;
import dev.autoscaling.workshop.validation.ManifestValidator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A step that is a {@code kubectl apply -f FILE}: its objects are validated when the step is made (so a plan never
 * shows an object the cluster would refuse), applied server-side in order, read back by verification and deleted
 * in reverse order by teardown.
 */
abstract class ManifestStep implements Step {

  private final List<HasMetadata> objects;

  ManifestStep(List<HasMetadata> objects) {
    this.objects = List.copyOf(objects);
    List<String> errors = new ArrayList<>();
    for (CheckedDocument checked : ManifestValidator.detectingProvider().validateObjects(id(), objects)) {
      if (checked.hasErrors()) {
        errors.add(checked.result().describe());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("step " + id() + ": the cluster would refuse these objects:\n"
          + String.join("\n", errors));
    }
  }

  List<HasMetadata> objects() {
    return objects;
  }

  /**
   * The object as this step applies it now, or null to leave the live object alone: subclasses may leave out
   * fields others own once the object exists.
   */
  HasMetadata toApply(HasMetadata object, HasMetadata live) {
    return object;
  }

  /** Whether teardown may delete this live object (false for things the step found already there). */
  boolean createdByStep(HasMetadata live) {
    return true;
  }

  @Override
  public StepOutcome apply(WorkshopContext context) {
    KubernetesClient client = context.requireKubernetes();
    List<String> actions = new ArrayList<>();
    int writes = 0;
    for (HasMetadata object : objects) {
      HasMetadata live = client.resource(object).get();
      HasMetadata wanted = toApply(object, live);
      if (wanted == null) {
        String line = ServerSideApply.describe(object) + " exists, left as it is";
        context.progress(line);
        actions.add(line);
        continue;
      }
      ServerSideApply.Result result = ServerSideApply.apply(client, wanted, live,
          context.config().fieldManager(), context.forceConflicts());
      if (result != ServerSideApply.Result.UNCHANGED) {
        writes++;
      }
      String line = ServerSideApply.describe(object) + " " + result.name().toLowerCase(Locale.ROOT);
      context.progress(line);
      actions.add(line);
    }
    return new StepOutcome(id(), actions, writes);
  }

  /** Each object is in the cluster with every field as this step wrote it. */
  List<Verification.Check> storedAsWritten(WorkshopContext context) {
    KubernetesClient client = context.requireKubernetes();
    List<Verification.Check> checks = new ArrayList<>();
    for (HasMetadata object : objects) {
      HasMetadata live = client.resource(object).get();
      HasMetadata wanted = toApply(object, live);
      String what = ServerSideApply.describe(object) + " stored as written";
      if (wanted == null && live != null) {
        checks.add(new Verification.Check(ServerSideApply.describe(object) + " exists", Verification.Status.PASSED,
            "left as found, resourceVersion " + live.getMetadata().getResourceVersion()));
      } else if (live == null) {
        checks.add(new Verification.Check(what, Verification.Status.FAILED, "not found"));
      } else if (!ServerSideApply.contains(Manifests.toTree(live),
          Manifests.toTree(wanted))) {
        checks.add(new Verification.Check(what, Verification.Status.FAILED,
            "differs from the manifest (changed by someone else?), resourceVersion "
                + live.getMetadata().getResourceVersion()));
      } else {
        checks.add(new Verification.Check(what, Verification.Status.PASSED,
            "resourceVersion " + live.getMetadata().getResourceVersion()));
      }
    }
    return checks;
  }

  @Override
  public StepOutcome teardown(WorkshopContext context) {
    KubernetesClient client = context.requireKubernetes();
    List<String> actions = new ArrayList<>();
    int writes = 0;
    List<HasMetadata> reversed = new ArrayList<>(objects);
    Collections.reverse(reversed);
    for (HasMetadata object : reversed) {
      HasMetadata live = client.resource(object).get();
      String line;
      if (live == null) {
        line = ServerSideApply.describe(object) + " already absent";
      } else if (!createdByStep(live)) {
        line = ServerSideApply.describe(object) + " kept: it was there before the workshop";
      } else {
        client.resource(object).delete();
        writes++;
        line = ServerSideApply.describe(object) + " deleted";
      }
      context.progress(line);
      actions.add(line);
    }
    return new StepOutcome(id(), actions, writes);
  }

  static Verification.Check notObservable(String what, String why) {
    return new Verification.Check(what, Verification.Status.NOT_OBSERVABLE, why);
  }
}
