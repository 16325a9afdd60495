package dev.fulmar.core.esp;

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

  /** Removes both SAs of {@code childSaId} and wipes their keys; unknown ids are ignored. */
  void delete(long childSaId);

  /** Removes every SA and wipes the keys (disconnect). */
  void deleteAll();

  /** Sets the receiver of rekey-needed / exhausted events ({@link SaEventListener#NONE} clears). */
  void setListener(SaEventListener listener);
}
