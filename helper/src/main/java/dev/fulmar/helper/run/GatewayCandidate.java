package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.spi.AddressText;
import java.net.InetAddress;

/**
 * One of the profile's gateways as a tunnel tries them: the primary first, then the fallbacks in
 * the profile's order. The name was resolved once, when the tunnel was opened (before a kill
 * switch blocks name resolution); {@code address} is null when it did not resolve, and
 * {@code unresolved} then says why.
 *
 * @param host the profile's host name or address literal
 * @param port the gateway's IKE port
 * @param address the address used, or null
 * @param unresolved why the name did not resolve, or null
 */
record GatewayCandidate(String host, int port, InetAddress address, String unresolved) {

  static GatewayCandidate resolved(String host, int port, InetAddress address) {
    return new GatewayCandidate(host, port, address, null);
  }

  static GatewayCandidate unresolvable(String host, int port, String why) {
    return new GatewayCandidate(host, port, null, why);
  }

  /** The host as the profile names it, with its address when the name is not a literal. */
  String label() {
    if (address == null) {
      return host;
    }
    String a = AddressText.of(address);
    return a.equals(host) ? host : host + " (" + a + ")";
  }

  /**
   * Whether {@code failure} means that this gateway cannot be reached or does not answer, so
   * that the next one may do better: its name does not resolve, no route leads to it, or it did
   * not answer (retransmissions gave up before the IKE SA was up). Refused credentials, an
   * untrusted certificate, proposals or traffic selectors the gateway refuses are not: the next
   * gateway of the same service would refuse them as well, and trying the password on each
   * gateway in turn only brings an account closer to being locked.
   */
  static boolean movesOn(IkeFailure failure) {
    ErrorCode c = failure.code();
    return c == ErrorCode.GATEWAY_UNREACHABLE || c == ErrorCode.GATEWAY_NOT_FOUND;
  }
}
