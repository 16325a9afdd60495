/**
 * macOS implementations of the {@code dev.fulmar.core.spi} interfaces. So far only {@link
 * dev.fulmar.adapters.macos.MacPeerCredentials} ({@code LOCAL_PEERCRED}); the utun device,
 * routes, DNS and the kill switch are still to come, so the helper does not run tunnels on macOS
 * yet.
 */
package dev.fulmar.adapters.macos;
