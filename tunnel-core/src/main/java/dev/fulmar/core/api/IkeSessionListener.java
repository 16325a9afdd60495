package dev.fulmar.core.api;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Events of one {@link IkeSession}. Called on the session's event loop, one at a time and in
 * order; implementations must return quickly and must not block (post long work elsewhere).
 *
 * <p>Besides the life cycle (state, established, failed, closed), the session reports what it
 * did to keep the tunnel up, so that the helper can log it, update what it shows and, where the
 * engine cannot act alone (a new virtual address, a redirect of an established tunnel), act.
 */
public interface IkeSessionListener {
  /** The session moved to {@code state}. */
  default void onStateChanged(SessionState state) {}

  /** The IKE SA and the first CHILD SA are up; {@code info} says what was negotiated. */
  default void onEstablished(SessionInfo info) {}

  /**
   * The session failed; it is now {@link SessionState#FAILED}. {@link IkeFailure#retryable()}
   * says whether connecting again, unchanged, may help (gateway unreachable or restarted, network
   * changed without MOBIKE, rekey refused) or whether the user must act first (authentication).
   */
  default void onFailed(IkeFailure failure) {}

  /** The session closed cleanly; {@code byGateway} when the gateway deleted the IKE SA. */
  default void onClosed(boolean byGateway) {}

  /**
   * A CHILD SA was rekeyed (RFC 7296 §2.8), by us or by the gateway: {@code current}, with new
   * SPIs and keys, carries the traffic now; {@code previous} is being deleted (the data path
   * accepts packets for both until then).
   */
  default void onChildSaRekeyed(ChildSaInfo previous, ChildSaInfo current) {}

  /**
   * The IKE SA was rekeyed (RFC 7296 §2.18), by us or by the gateway: new SPIs and keys, the same
   * authentication, virtual address and CHILD SAs.
   *
   * @param keyExchanges the key exchange of the CREATE_CHILD_SA, then those of the
   *     IKE_FOLLOWUP_KE exchanges (RFC 9370), in order
   */
  default void onIkeSaRekeyed(
      long spiInitiator, long spiResponder, List<Algorithm> keyExchanges) {}

  /**
   * Re-authentication (RFC 4478, before the gateway's AUTH_LIFETIME ran out) replaced the IKE SA
   * and its CHILD SAs with new ones, make-before-break. {@code info} describes the new ones; its
   * virtual addresses, DNS servers or split subnets may differ from before, in which case the
   * helper must update the system configuration.
   */
  default void onReauthenticated(SessionInfo info) {}

  /**
   * The gateway deleted one CHILD SA while others remain (when it deletes the last one, the
   * session closes the IKE SA and reports {@link #onClosed}).
   */
  default void onChildSaDeleted(ChildSaInfo child) {}

  /**
   * MOBIKE (RFC 4555) moved the SAs: the gateway confirmed our new address, or the SAs now use
   * another address of the gateway. The data path already sends to {@code gateway}.
   */
  default void onAddressesUpdated(InetSocketAddress local, InetSocketAddress gateway) {}

  /**
   * The gateway redirected us to {@code newGateway} (RFC 5685; an IP literal or a DNS name).
   *
   * <p>During connect ({@code established == false}: REDIRECT in IKE_SA_INIT or IKE_AUTH) the
   * session follows by itself and connects to {@code newGateway}; {@link
   * SessionInfo#gatewayAddress()} then names the gateway actually used.
   *
   * <p>On an established session (REDIRECT in INFORMATIONAL) the session stays up as it is: the
   * helper should connect a new session to {@code newGateway} with {@link
   * IkeSessionParams.Builder#redirectedFrom} set to this gateway, and close this session once the
   * new one is up (or first, if it cannot run both). The helper counts these redirects against
   * {@link IkeSessionParams#maxRedirects()} itself.
   */
  default void onRedirected(String newGateway, boolean established) {}
}
