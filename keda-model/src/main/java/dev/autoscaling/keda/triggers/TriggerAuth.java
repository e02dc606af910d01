package dev.autoscaling.keda.triggers;

import java.util.Set;

/**
 * What a trigger's authentication can give KEDA besides its metadata, as far as the validator knows: the parameters
 * of the (Cluster)TriggerAuthentication the trigger references, and that authentication's pod identity provider.
 * A check that needs a value KEDA reads only from a TriggerAuthentication reports it missing only when the answer is
 * certain: the trigger references none ({@link #NONE}), or the one it references was seen and lacks it. A reference
 * to an authentication not seen ({@link #UNKNOWN}) may give anything.
 *
 * @param known       the referenced authentication was seen (else it may give any parameter and any pod identity)
 * @param parameters  the parameters it gives, when known
 * @param podIdentity its pod identity provider, "" for none, when known
 */
public record TriggerAuth(boolean known, Set<String> parameters, String podIdentity) {

  /** The trigger references no authentication: KEDA has nothing but the metadata and the environment. */
  public static final TriggerAuth NONE = new TriggerAuth(true, Set.of(), "");
  /** The trigger references an authentication the validator has not seen: it may give anything. */
  public static final TriggerAuth UNKNOWN = new TriggerAuth(false, Set.of(), "");

  public TriggerAuth {
    parameters = Set.copyOf(parameters);
    podIdentity = podIdentity == null ? "" : podIdentity;
  }

  /** Whether KEDA may find this parameter in the authentication. */
  public boolean mayGive(String parameter) {
    return !known || parameters.contains(parameter);
  }

  /** Whether the authentication certainly has no pod identity (or one of the given "none" spellings). */
  public boolean certainlyNoPodIdentity() {
    return known && (podIdentity.isEmpty() || podIdentity.equals("none"));
  }
}
