/** Entry of desk.html. */
import { render } from "preact";
import "../ui/base.css";
import "./desk.css";
import { DeskApp } from "./desk-app.tsx";

render(<DeskApp />, document.getElementById("app")!);
