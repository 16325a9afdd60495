package dev.fulmar.core.ike.eap;

import java.util.Optional;

/**
 * The client side of one EAP method: it answers the gateway's Requests of its type and, when it
 * has finished, tells whether it succeeded and hands out the MSK if the method makes one.
 *
 * <p>Methods without an MSK (EAP-MD5, EAP-GTC) return {@code false} from {@link #producesMsk()};
 * the IKEv2 AUTH that follows then uses SK_pi/SK_pr as the shared secret (RFC 7296 §2.16).
 */
public interface EapMethod {

  /** The method type this instance answers. */
  EapType type();

  /**
   * Processes a Request's type data and returns the type data of our Response.
   *
   * @throws EapFormatException if the request is malformed
   * @throws EapAuthenticationException if the method fails for good (for example the gateway
   *     could not prove it knows the password)
   */
  byte[] process(int identifier, byte[] requestTypeData) throws EapException;

  /** Whether the method has completed its part successfully, so EAP-Success may follow. */
  boolean isComplete();

  /**
   * The failure to report if the gateway ends the conversation with EAP-Failure now: what the
   * gateway announced inside the method (e.g. MSCHAPv2 E=691), or what a rejection at this point
   * can only mean; empty if nothing more precise than "rejected" is known.
   */
  Optional<EapAuthenticationException> failure();

  /** Whether this method derives an MSK at all. */
  boolean producesMsk();

  /** The MSK (64 bytes) once complete, for methods that make one. */
  Optional<byte[]> msk();

  /**
   * Wipes what the method holds of the user's secret and of the keys it derived (password, its
   * hash, MSK, TLS master secret). The method cannot be used afterwards; calling it twice is
   * harmless.
   */
  void destroy();
}
