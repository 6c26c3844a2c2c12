/**
 * The System V IPC kernel parameters: a container has an IPC namespace of its own and may set them,
 * and every one of them takes numbers.
 */
export const IPC_SYSCTLS: readonly string[] = [
  "kernel.msgmax",
  "kernel.msgmnb",
  "kernel.msgmni",
  "kernel.sem",
  "kernel.shmall",
  "kernel.shmmax",
  "kernel.shmmni",
  "kernel.shm_rmid_forced",
];
