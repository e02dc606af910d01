// The autoscaling SDK at the jshell prompt. Start it from the project root, after the build:
//   jshell --class-path samples/target/workshop.jar --startup DEFAULT --startup samples/jshell/workshop.jsh
// The README's jshell lines are run with it by the build (ReadmeJshellTest; ReadmeJshellIT with this very command).
// Chains that go on over several lines end each line with '.', so that jshell waits for the rest:
//   NodePool pool = NodePools.arm64().onDemand().skuFamily("D").named("arm-nodepool").
//       nodeClass(AKSNodeClasses.reference("default")).build()
// the facades
import dev.autoscaling.karpenter.*;
import dev.autoscaling.keda.*;
import dev.autoscaling.keda.triggers.*;
import dev.autoscaling.aks.*;
import dev.autoscaling.workshop.*;
// the generated models and their builders (NodePool, NodePoolBuilder, AKSNodeClass, ScaledObject, ...)
import dev.autoscaling.karpenter.api.v1.*;
import dev.autoscaling.karpenter.api.azure.v1beta1.*;
import dev.autoscaling.karpenter.api.aws.v1.*;
import dev.autoscaling.keda.api.v1alpha1.*;
// YAML and validation
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.validation.*;
// the clients: fabric8's, its extensions, and the embedded API server of `workshop demo`
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import dev.autoscaling.karpenter.client.*;
import dev.autoscaling.keda.client.*;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import dev.autoscaling.workshop.monitor.Monitors;
import java.time.Duration;
