package dev.autoscaling.workshop.validation;

/** Which Karpenter provider's copy of the karpenter.sh CRDs a NodePool, NodeClaim or NodeOverlay is checked against. */
public enum Provider {
  AZURE,
  AWS
}
