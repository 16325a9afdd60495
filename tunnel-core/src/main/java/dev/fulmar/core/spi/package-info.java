/**
 * What the OS layer implements for the engine, the data path and the helper: packet I/O ({@link
 * dev.fulmar.core.spi.TunDevice}, {@link dev.fulmar.core.spi.UdpTransport} and their factories),
 * system configuration ({@link dev.fulmar.core.spi.NetworkConfigurator}, {@link
 * dev.fulmar.core.spi.KillSwitch}), change notification ({@link
 * dev.fulmar.core.spi.NetworkMonitor}), control-socket peers ({@link
 * dev.fulmar.core.spi.PeerCredentials}), all gathered in a {@link dev.fulmar.core.spi.Platform}.
 *
 * <p>Optional OS features are small capability interfaces that an implementation adds, found with
 * {@code instanceof}: {@link dev.fulmar.core.spi.TunOffload} and {@link
 * dev.fulmar.core.spi.UdpOffload} report which kernel offloads are in force. The offloads
 * themselves (TSO/GRO on the TUN, sendmmsg/recvmmsg and UDP GSO/GRO on the socket) stay inside
 * the implementation, behind the plain batched calls. Every system change is journaled ({@link
 * dev.fulmar.core.spi.SystemChangeJournal}) before it is made, so it can be undone after a crash.
 */
package dev.fulmar.core.spi;
