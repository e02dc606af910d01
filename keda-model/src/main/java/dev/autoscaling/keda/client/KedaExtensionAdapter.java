package dev.autoscaling.keda.client;

import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.extension.ExtensionAdapter;

/** Registered in {@code META-INF/services} so that {@code client.adapt(KedaClient.class)} works. */
public class KedaExtensionAdapter implements ExtensionAdapter<KedaClient> {

  @Override
  public Class<KedaClient> getExtensionType() {
    return KedaClient.class;
  }

  @Override
  public KedaClient adapt(Client client) {
    return new DefaultKedaClient(client);
  }
}
