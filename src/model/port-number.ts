/** Whether a value is a port number a system has, and Docker and the API server take: 1 to 65535. */
export const isPortNumber = (port: unknown): port is number =>
  typeof port === "number" && Number.isInteger(port) && port >= 1 && port <= 65535;
