// The empty app's page: one Svelte component, mounted the way Courtesy mounts its own.
import { mount } from "svelte";
import Floor from "./Floor.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("the #app element is missing from index.html");
export default mount(Floor, { target });
