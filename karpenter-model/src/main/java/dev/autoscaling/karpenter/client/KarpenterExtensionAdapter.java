package dev.autoscaling.karpenter.client;

import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.extension.ExtensionAdapter;

/** Registered in {@code META-INF/services} so that {@code client.adapt(KarpenterClient.class)} works. */
public class KarpenterExtensionAdapter implements ExtensionAdapter<KarpenterClient> {

  @Override
  public Class<KarpenterClient> getExtensionType() {
    return KarpenterClient.class;
  }

  @Override
  public KarpenterClient adapt(Client client) {
    return new DefaultKarpenterClient(client);
  }
}
