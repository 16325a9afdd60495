package dev.fulmar.core.esp;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;

/**
 * What the IKE engine calls to put negotiated CHILD_SAs into the data path. Every method is
 * thread-safe and takes effect atomically for the data-path threads: a packet sees either the old
 * or the new set of SAs, never a mix.
 */
public interface SaInstaller {

  /**
   * Installs an inbound/outbound SA pair. The pair's key arrays are copied into the SAs and then
   * wiped in {@code pair}.
   *
   * @throws IllegalArgumentException if the child SA id or the inbound SPI is already installed
   * @throws GeneralSecurityException if the JCA lacks the transform's algorithms
   */
  void install(EspSaPair pair) throws GeneralSecurityException;

  /**
   * Rekeys {@code oldChildSaId}: installs {@code newPair}, whose outbound SA replaces the old one
   * for all new packets at once, while the old inbound SA keeps accepting packets until {@link
   * #delete} of the old id (RFC 7296 §2.8).
   *
   * @throws IllegalArgumentException if {@code oldChildSaId} is not installed
   */
  void rekey(long oldChildSaId, EspSaPair newPair) throws GeneralSecurityException;

  /**
   * Rekeys {@code oldChildSaId} for the responder of a CHILD SA rekey: installs {@code newPair},
   * whose inbound SA accepts packets at once, while outbound packets keep using the old SA until
   * {@link #delete} of the old id moves them to the new one in the same atomic step. The
   * responder cannot know when the initiator has installed its own new inbound SA; the
   * initiator's Delete of the old SA says it has (RFC 7296 §2.8, as strongSwan does).
   *
   * @throws IllegalArgumentException if {@code oldChildSaId} is not installed
   */
  void rekeyInboundFirst(long oldChildSaId, EspSaPair newPair) throws GeneralSecurityException;

  /**
   * Removes both SAs of {@code childSaId} and wipes their keys; unknown ids are ignored. If a
   * successor installed with {@link #rekeyInboundFirst} waits for this, its outbound SA takes
   * over the old one's traffic in the same step.
   */
  void delete(long childSaId);

  /**
   * Sends the outbound packets of {@code childSaId} to {@code peer} from now on (MOBIKE moved the
   * SA to another address of the gateway, RFC 4555); unknown ids are ignored.
   */
  void updatePeer(long childSaId, InetSocketAddress peer);

  /** Removes every SA and wipes the keys (disconnect). */
  void deleteAll();

  /** Sets the receiver of rekey-needed / exhausted events ({@link SaEventListener#NONE} clears). */
  void setListener(SaEventListener listener);
}
