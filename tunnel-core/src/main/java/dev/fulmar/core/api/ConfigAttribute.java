package dev.fulmar.core.api;

/**
 * Configuration attributes the client can request in its CP(CFG_REQUEST) (RFC 7296 §3.15.1,
 * RFC 8598 for split DNS).
 */
public enum ConfigAttribute {
  INTERNAL_IP4_ADDRESS(1),
  INTERNAL_IP4_DNS(3),
  INTERNAL_IP6_ADDRESS(8),
  INTERNAL_IP6_DNS(10),
  INTERNAL_IP4_SUBNET(13),
  INTERNAL_IP6_SUBNET(15),
  INTERNAL_DNS_DOMAIN(25);

  private final int type;

  ConfigAttribute(int type) {
    this.type = type;
  }

  /** The attribute type number on the wire. */
  public int type() {
    return type;
  }
}
