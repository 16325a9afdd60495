/**
 * OS-neutral pieces of the adapters that need only the JDK: the UDP transport on {@link
 * java.nio.channels.DatagramChannel} and the durable change journal with its crash recovery.
 */
package dev.fulmar.adapters.jdk;
