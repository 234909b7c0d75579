import { Option } from "commander";

/** A commander option that may be given many times, its values collected in order (`--set a=1 --set b=2` → ["a=1", "b=2"]); `noneWords` describes the empty default in --help. */
export function repeatableOption(flags: string, description: string, noneWords: string): Option {
  return new Option(flags, description).argParser((v: string, acc: string[]) => [...acc, v]).default([] as string[], noneWords);
}
