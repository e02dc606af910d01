// The autoscaling SDK at the jshell prompt. Start it from the project root, after the build:
//   jshell --class-path samples/target/workshop.jar --startup DEFAULT --startup samples/jshell/workshop.jsh
// then, for example:
//   NodePool pool = NodePools.arm64().onDemand().skuFamily("D").named("arm-nodepool")
//       .nodeClass(AKSNodeClasses.named("default")).build();
//   System.out.print(Manifests.toYaml(pool));
//   System.out.print(ScaledObjects.rabbitmq().queue("orders").queueLength(10).scaling("virtual-worker").named("w").toYaml());
//   System.out.print(Workshop.of(WorkshopConfig.defaults().withStoreManifest(StoreManifest.BUNDLED)).plan("keda-scaler", "load"));
import dev.autoscaling.karpenter.*;
import dev.autoscaling.karpenter.api.v1.NodePool;
import dev.autoscaling.karpenter.api.azure.v1beta1.AKSNodeClass;
import dev.autoscaling.keda.*;
import dev.autoscaling.keda.triggers.*;
import dev.autoscaling.keda.api.v1alpha1.ScaledObject;
import dev.autoscaling.manifest.Manifests;
import dev.autoscaling.aks.*;
import dev.autoscaling.workshop.*;
import dev.autoscaling.workshop.embedded.EmbeddedApiServer;
import dev.autoscaling.workshop.monitor.Monitors;
import java.time.Duration;
