package dev.fulmar.core.api;

/**
 * The result of NAT detection in IKE_SA_INIT (RFC 7296 §2.23).
 *
 * @param localBehindNat our NAT_DETECTION_SOURCE_IP hash did not match what the gateway saw
 * @param gatewayBehindNat the gateway's NAT_DETECTION_SOURCE_IP did not match its address as we
 *     see it (strongSwan with userspace ESP fakes this to force UDP encapsulation)
 * @param forcedByUs we faked our hash to force UDP encapsulation (the profile asked for it)
 */
public record NatDetection(boolean localBehindNat, boolean gatewayBehindNat, boolean forcedByUs) {

  /** Whether IKE moved to port 4500 and ESP is carried in UDP (RFC 3948). */
  public boolean udpEncapsulation() {
    return localBehindNat || gatewayBehindNat || forcedByUs;
  }

  /** A short human description, e.g. "NAT detected in front of the gateway". */
  public String describe() {
    if (localBehindNat && gatewayBehindNat) {
      return "NAT detected on both sides";
    }
    if (localBehindNat) {
      return forcedByUs ? "UDP encapsulation forced by the profile" : "this client is behind a NAT";
    }
    if (gatewayBehindNat) {
      return "NAT detected in front of the gateway (or the gateway forces UDP encapsulation)";
    }
    return "no NAT";
  }
}
