/**
 * What the Linux and macOS adapters share because both are POSIX: the account database ({@link
 * dev.fulmar.adapters.unix.Accounts}), {@code getsockopt} on a raw descriptor, and the
 * cross-checked peer identification that {@code LinuxPeerCredentials} and {@code
 * MacPeerCredentials} build on ({@link dev.fulmar.adapters.unix.UnixPeerCredentials}).
 */
package dev.fulmar.adapters.unix;
