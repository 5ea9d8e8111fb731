// A verification's stable reason (the hub's verify answer's `reason`), thrown by the in-browser verifiers.
export class Rejection extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

export const reject = (reason) => {
  throw new Rejection(reason);
};
