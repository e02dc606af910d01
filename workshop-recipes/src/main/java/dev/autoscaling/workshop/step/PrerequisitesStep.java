package dev.autoscaling.workshop.step;

import dev.autoscaling.aks.AksManager;
import dev.autoscaling.aks.AzCommands;
import dev.autoscaling.aks.FeatureRegistration;
import dev.autoscaling.workshop.WorkshopConfig;

import java.util.ArrayList;
import java.util.List;

/** "Prerequisites": the subscription, the NAP preview feature and the re-registered resource provider. */
public final class PrerequisitesStep extends AzureStep {

  public PrerequisitesStep(WorkshopConfig config) {
    super(config);
  }

  @Override
  public String id() {
    return "prerequisites";
  }

  @Override
  public String title() {
    return "Register the Node Auto Provisioning preview feature and refresh the resource provider";
  }

  @Override
  List<List<String>> azCommands() {
    List<List<String>> commands = new ArrayList<>();
    if (config().subscription() != null) {
      commands.add(List.of("az", "account", "set", "-s", config().subscription()));
    }
    commands.add(AzCommands.featureRegister());
    commands.add(AzCommands.featureShow());
    commands.add(AzCommands.providerRegister());
    return commands;
  }

  @Override
  StepOutcome applyOnAzure(WorkshopContext context, AksManager azure) {
    FeatureRegistration registration = azure.features().ensureNodeAutoProvisioning(progressOf(context));
    String line = "feature " + AzCommands.NAP_FEATURE + ": " + registration.featureState() + "; provider "
        + AzCommands.CONTAINER_SERVICE + ": " + registration.providerState()
        + (registration.providerRegisterSent() ? " (re-registered)" : " (already registered)");
    context.progress(line);
    return new StepOutcome(id(), List.of(line), registration.providerRegisterSent() ? 1 : 0);
  }

  @Override
  List<Verification.Check> verifyOnAzure(WorkshopContext context, AksManager azure) {
    FeatureRegistration state = azure.features().nodeAutoProvisioning();
    return List.of(
        check("feature " + AzCommands.NAP_FEATURE + " Registered", "Registered".equals(state.featureState()),
            state.featureState()),
        check("provider " + AzCommands.CONTAINER_SERVICE + " Registered", "Registered".equals(state.providerState()),
            state.providerState()));
  }

  @Override
  List<String> notes() {
    return List.of("the aks-preview CLI extension is not needed: the SDK calls Azure Resource Manager directly",
        "current AKS no longer needs the preview flag; registering it is harmless and a no-op once Registered");
  }
}
