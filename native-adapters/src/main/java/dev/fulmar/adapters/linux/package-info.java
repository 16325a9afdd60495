/**
 * Linux implementations of the {@code dev.fulmar.core.spi} interfaces, entered through {@link
 * dev.fulmar.adapters.linux.LinuxPlatform}.
 *
 * <ul>
 *   <li>TUN: {@code /dev/net/tun} through jnr-ffi, non-blocking descriptors woken by an eventfd on
 *       close; with {@code IFF_VNET_HDR} + {@code TUNSETOFFLOAD} super-packets are split on read
 *       ({@code GsoSplitter}) and TCP segments coalesced on write ({@code TcpCoalescer}), the
 *       only place either happens, behind the plain batched calls; {@link
 *       dev.fulmar.core.spi.TunOffload} reports what is on.
 *   <li>UDP: {@code sendmmsg}/{@code recvmmsg} with UDP GSO/GRO, likewise behind the plain calls
 *       ({@link dev.fulmar.core.spi.UdpOffload} reports them); the JDK transport is the portable
 *       fallback.
 *   <li>Addresses and routes: iproute2 commands. They run once per connect, so a process per
 *       command costs nothing that matters; admins can read and repeat every command; the undo
 *       steps in the journal are the inverse commands, checked when read back; iproute2 already
 *       knows every kernel's quirks. Netlink is used where a long-lived socket is the point: the
 *       change monitor.
 *   <li>DNS: systemd-resolved per link via {@code resolvectl}, else {@code /etc/resolv.conf}.
 *   <li>Kill switch: an nftables table of its own, {@code inet fulmar}.
 *   <li>Every change goes through a {@link dev.fulmar.adapters.jdk.FileChangeJournal} first.
 * </ul>
 *
 * <p>Devices and sockets belong to the network namespace of the thread that creates them.
 */
package dev.fulmar.adapters.linux;
