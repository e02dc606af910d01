package dev.autoscaling.aks;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/** A TokenCredential that hands out one fixed (canary) token and counts how often it was asked. */
public final class CountingCredential implements TokenCredential {

  private final String token;
  private final AtomicInteger requests = new AtomicInteger();

  public CountingCredential(String token) {
    this.token = token;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    requests.incrementAndGet();
    return Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
  }

  int requests() {
    return requests.get();
  }

  @Override
  public String toString() {
    return "CountingCredential[token not shown]";
  }
}
