package dev.fulmar.core.spi;

import java.io.IOException;

/**
 * Everything the helper needs from one operating system, in one place: the helper picks the
 * implementation for the OS it runs on and otherwise stays OS-neutral.
 *
 * <p>All system changes made through these objects are journaled in the platform's journal
 * directory; {@link #recoverAfterCrash()} undoes whatever a previous helper process left behind.
 */
public interface Platform {

  /** Creates tunnel devices. */
  TunDeviceFactory tunDevices();

  /** Opens UDP sockets. */
  UdpTransportFactory udpTransports();

  /** Addresses, routes and DNS of the tunnel; one instance per tunnel. */
  NetworkConfigurator networkConfigurator() throws IOException;

  /** The kill switch; one instance per helper. */
  KillSwitch killSwitch() throws IOException;

  /** A new, not yet started, monitor of network changes. */
  NetworkMonitor networkMonitor() throws IOException;

  /** Identifies control-socket peers. */
  PeerCredentials peerCredentials();

  /**
   * Undoes every change that a previous process recorded and did not undo (it crashed or was
   * killed): call once at helper start, before creating anything.
   */
  SystemChangeJournal.RollbackReport recoverAfterCrash() throws IOException;
}
