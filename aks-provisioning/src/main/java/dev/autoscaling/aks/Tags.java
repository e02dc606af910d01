package dev.autoscaling.aks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags this SDK puts on what it creates, and the check every delete makes first: only what carries them goes. */
final class Tags {

  private Tags() {
  }

  static Map<String, String> of(String runId) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(AksManager.CREATED_BY_TAG, AksManager.CREATED_BY);
    tags.put(AksManager.RUN_ID_TAG, runId);
    return tags;
  }

  static boolean createdByUs(Map<String, String> tags) {
    return tags != null && AksManager.CREATED_BY.equals(tags.get(AksManager.CREATED_BY_TAG));
  }

  /** Why teardown keeps a resource without the tag. */
  static String notOurs() {
    return "no tag " + AksManager.CREATED_BY_TAG + "=" + AksManager.CREATED_BY + ", so not created by this SDK";
  }
}
