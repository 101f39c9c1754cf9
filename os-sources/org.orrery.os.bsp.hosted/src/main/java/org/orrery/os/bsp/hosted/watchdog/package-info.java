// SPDX-License-Identifier: EPL-2.0
/**
 * The hosted board's hardware watchdog. Machines without /dev/watchdog (and without kernel modules to load
 * softdog) get it as a small supervisor process, {@link org.orrery.os.bsp.hosted.watchdog.BoardWatchdog}: it
 * starts the kernel command in a process group of its own with the path of a private Unix domain socket in
 * {@code ORRERY_WATCHDOG}, and the kernel's {@link org.orrery.os.bsp.hosted.watchdog.WatchdogKicker} writes one
 * byte to it at window edges, only while every edge is on time. When no kick comes within {@code --timeout}
 * (or no first kick within {@code --boot-timeout}), or the kernel dies with a status other than 0 or
 * {@link org.orrery.os.bsp.hosted.watchdog.WatchdogProtocol#STATUS_BOARD_SHUT_DOWN}, the supervisor logs one line,
 * freezes the kernel's group and descendants with SIGSTOP, kills them all with SIGKILL (stopped processes
 * included), waits until they are gone and boots the kernel again, telling it how many resets came before
 * ({@code ORRERY_BOARD_RESETS}) and why ({@code ORRERY_BOARD_RESET_CAUSE}). More than {@code --max-resets}
 * resets within {@code --reset-period} end the supervisor with one line and status 70. A kernel that stops on
 * purpose closes its kicker first (a magic 'V', as with /dev/watchdog), so the silence that follows is not a
 * fault and whatever status it then exits with ends the supervisor. Where the machine has /dev/watchdog the
 * supervisor also keeps it fed from its own loop and disarms it on a deliberate end, so a hung supervisor
 * resets the machine.
 */
package org.orrery.os.bsp.hosted.watchdog;
