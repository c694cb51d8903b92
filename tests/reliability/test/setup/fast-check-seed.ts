// One seed per run, printed, so any counterexample can be replayed with FC_SEED=<seed>.
// CI pins one (CI must not go red by the luck of the draw); a developer run explores a new
// seed each time unless FC_SEED is set.
import fc from "fast-check";

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI === "true" ? 20261128 : Date.now() % 2 ** 31;
fc.configureGlobal({ seed });
console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
