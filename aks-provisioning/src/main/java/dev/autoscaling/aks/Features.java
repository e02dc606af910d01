package dev.autoscaling.aks;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The subscription's preview features and resource providers ({@code az feature}, {@code az provider}): what
 * Node Auto Provisioning needed while it was in preview. Obtained from {@link AksManager#features()}.
 */
public final class Features {

  private static final String FEATURE = AzCommands.CONTAINER_SERVICE + "/" + AzCommands.NAP_FEATURE;

  private final Arm arm;

  Features(Arm arm) {
    this.arm = arm;
  }

  /**
   * Registers {@code Microsoft.ContainerService/NodeAutoProvisioningPreview} unless it is Registered, polls until it
   * is, then registers the provider again so that the feature applies. When the feature and the provider were both
   * Registered already, nothing is POSTed. The poller reports the feature's state, then the provider's.
   */
  public SyncPoller<Progress, FeatureRegistration> beginEnsureNodeAutoProvisioning() {
    String operation = "register feature " + FEATURE;
    long start = System.nanoTime();
    Registration state = new Registration();
    return SyncPoller.createPoller(arm.pollInterval(),
        context -> {
          state.feature = featureState(operation);
          if (!registered(state.feature)) {
            state.featureChanged = true;
            state.feature = ArmErrors.call(operation, () -> arm.resources().featureClient().getFeatures()
                .register(AzCommands.CONTAINER_SERVICE, AzCommands.NAP_FEATURE).properties().state());
          }
          return advance(operation, state, start, false);
        },
        context -> advance(operation, state, start, true),
        (context, response) -> {
          throw new UnsupportedOperationException("a feature registration cannot be cancelled");
        },
        context -> new FeatureRegistration(state.feature, state.provider, state.providerRegisterSent));
  }

  /** As {@link #beginEnsureNodeAutoProvisioning()}, waiting, each poll reported to {@code progress}. */
  public FeatureRegistration ensureNodeAutoProvisioning(Consumer<Progress> progress) {
    Objects.requireNonNull(progress, "progress");
    return Pollers.await(beginEnsureNodeAutoProvisioning(), arm.pollInterval(), progress);
  }

  /** The feature's and the provider's states as they are now: two reads, nothing is registered. */
  public FeatureRegistration nodeAutoProvisioning() {
    String operation = "read feature " + FEATURE;
    return new FeatureRegistration(featureState(operation), providerState(operation), false);
  }

  /** Mutable progress of one registration; only its poller touches it, one thread at a time. */
  private static final class Registration {
    volatile String feature;
    volatile boolean featureChanged;
    volatile String provider;
    volatile boolean providerRegisterSent;
    volatile boolean done;
  }

  /**
   * One step of a registration: poll the feature until Registered, then register the provider again (only when the
   * feature was just registered, or the provider is not Registered) and poll it until Registered.
   */
  private PollResponse<Progress> advance(String operation, Registration state, long start, boolean refresh) {
    if (!state.done && refresh && !registered(state.feature)) {
      state.feature = featureState(operation);
    }
    if (!state.done && registered(state.feature)) {
      String providerOperation = "register provider " + AzCommands.CONTAINER_SERVICE;
      if (state.provider == null) {
        state.provider = providerState(providerOperation);
        if (state.featureChanged || !registered(state.provider)) {
          state.providerRegisterSent = true;
          state.provider = ArmErrors.call(providerOperation,
              () -> arm.resources().serviceClient().getProviders().register(AzCommands.CONTAINER_SERVICE))
              .registrationState();
        }
      } else if (!registered(state.provider)) {
        state.provider = providerState(providerOperation);
      }
      state.done = registered(state.provider);
    }
    String shown = state.provider == null ? "feature " + state.feature : "provider " + state.provider;
    return new PollResponse<>(state.done ? LongRunningOperationStatus.SUCCESSFULLY_COMPLETED
        : LongRunningOperationStatus.IN_PROGRESS, new Progress(operation, shown, Pollers.elapsed(start)));
  }

  private static boolean registered(String state) {
    return "Registered".equalsIgnoreCase(state);
  }

  private String featureState(String operation) {
    return ArmErrors.call(operation, () -> arm.resources().featureClient().getFeatures()
        .get(AzCommands.CONTAINER_SERVICE, AzCommands.NAP_FEATURE).properties().state());
  }

  private String providerState(String operation) {
    return ArmErrors.call(operation,
        () -> arm.resources().serviceClient().getProviders().get(AzCommands.CONTAINER_SERVICE)).registrationState();
  }
}
