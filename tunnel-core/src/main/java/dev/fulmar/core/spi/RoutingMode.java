package dev.fulmar.core.spi;

/** Which traffic goes through the tunnel. */
public enum RoutingMode {
  /** Only the pushed subnets (or the negotiated remote traffic selectors) go through the tunnel. */
  SPLIT,
  /**
   * Everything goes through the tunnel, IPv4 and IPv6, except the IKE/ESP traffic to the gateway
   * itself, which keeps its original path.
   */
  FULL
}
