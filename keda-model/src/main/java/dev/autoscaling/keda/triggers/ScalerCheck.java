package dev.autoscaling.keda.triggers;

import java.util.function.Function;

/**
 * One check KEDA v2.20.2 makes in a scaler's own parse or Validate function, after its typed configuration is read:
 * a rule the struct tags cannot say ("one of X or Y", a range, keys that exclude each other, a credential only a
 * TriggerAuthentication can give).
 *
 * @param scaler  the trigger type
 * @param key     the metadata key the finding is reported at
 * @param source  where KEDA makes the check (file:line at v2.20.2), so the rule can be re-read when KEDA moves
 * @param fix     what to do about it
 * @param problem what KEDA refuses in the given trigger, or null when it accepts it; only what KEDA certainly
 *                refuses (a value from the environment or an authentication not seen is taken as given)
 */
record ScalerCheck(String scaler, String key, String source, String fix, Function<GivenTrigger, String> problem) {
}
