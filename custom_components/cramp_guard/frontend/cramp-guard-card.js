/*! Cramp Guard card (MIT). Bundles lit, @lit/reactive-element and lit-html: Copyright 2017 Google LLC, BSD-3-Clause. */
var e=Object.defineProperty,t=(e,t,n)=>()=>{if(n)throw n[0];try{return e&&(t=e(e=0)),t}catch(e){throw n=[e],e}},n=(t,n)=>{let r=Object.setPrototypeOf({},null);for(var i in t)e(r,i,{get:t[i],enumerable:!0});return n&1||e(r,Symbol.toStringTag,{value:`Module`}),n&2?r:Object.preventExtensions(r)},r,i,a,o,s,c,l,u,d,ee=t((()=>{r=globalThis,i=r.ShadowRoot&&(r.ShadyCSS===void 0||r.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,a=Symbol(),o=new WeakMap,s=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==a)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(i&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=o.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&o.set(t,e))}return e}toString(){return this.cssText}},c=e=>new s(typeof e==`string`?e:e+``,void 0,a),l=(e,...t)=>{let n=e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]);return new s(n,e,a)},u=(e,t)=>{if(i)e.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let n of t){let t=document.createElement(`style`),i=r.litNonce;i!==void 0&&t.setAttribute(`nonce`,i),t.textContent=n.cssText,e.appendChild(t)}},d=i?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return c(t)})(e):e})),te,ne,re,ie,ae,oe,f,se,ce,le,p,m,ue,h,g,de=t((()=>{ee(),{is:te,defineProperty:ne,getOwnPropertyDescriptor:re,getOwnPropertyNames:ie,getOwnPropertySymbols:ae,getPrototypeOf:oe}=Object,f=globalThis,se=f.trustedTypes,ce=se?se.emptyScript:``,le=f.reactiveElementPolyfillSupport,p=(e,t)=>e,m={toAttribute(e,t){switch(t){case Boolean:e=e?ce:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},ue=(e,t)=>!te(e,t),h={attribute:!0,type:String,converter:m,reflect:!1,useDefault:!1,hasChanged:ue},Symbol.metadata??=Symbol(`metadata`),f.litPropertyMetadata??=new WeakMap,g=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=h){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&ne(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=re(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??h}static _$Ei(){if(this.hasOwnProperty(p(`elementProperties`)))return;let e=oe(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(p(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(p(`properties`))){let e=this.properties,t=[...ie(e),...ae(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(d(e))}else e!==void 0&&t.push(d(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return u(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?m:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?m:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??ue)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}},g.elementStyles=[],g.shadowRootOptions={mode:`open`},g[p(`elementProperties`)]=new Map,g[p(`finalized`)]=new Map,le?.({ReactiveElement:g}),(f.reactiveElementVersions??=[]).push(`2.1.2`)}));function fe(e,t){if(!T(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return me===void 0?t:me.createHTML(t)}function _(e,t,n=e,r){if(t===N)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=w(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=_(e,i._$AS(e,t.values),i,r)),t}var v,pe,y,me,he,b,x,ge,S,C,w,T,_e,E,D,ve,O,k,ye,be,xe,A,j,M,N,P,Se,F,Ce,I,we,L,R,Te,Ee,De,Oe,ke,z=t((()=>{v=globalThis,pe=e=>e,y=v.trustedTypes,me=y?y.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,he=`$lit$`,b=`lit$${Math.random().toFixed(9).slice(2)}$`,x=`?`+b,ge=`<${x}>`,S=document,C=()=>S.createComment(``),w=e=>e===null||typeof e!=`object`&&typeof e!=`function`,T=Array.isArray,_e=e=>T(e)||typeof e?.[Symbol.iterator]==`function`,E=`[ 	
\f\r]`,D=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,ve=/-->/g,O=/>/g,k=RegExp(`>|${E}(?:([^\\s"'>=/]+)(${E}*=${E}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),ye=/'/g,be=/"/g,xe=/^(?:script|style|textarea|title)$/i,A=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),j=A(1),M=A(2),A(3),N=Symbol.for(`lit-noChange`),P=Symbol.for(`lit-nothing`),Se=new WeakMap,F=S.createTreeWalker(S,129),Ce=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=D;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===D?c[1]===`!--`?o=ve:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=k):(xe.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=k):o=O:o===k?c[0]===`>`?(o=i??D,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?k:c[3]===`"`?be:ye):o===be||o===ye?o=k:o===ve||o===O?o=D:(o=k,i=void 0);let d=o===k&&e[t+1].startsWith(`/>`)?` `:``;a+=o===D?n+ge:l>=0?(r.push(s),n.slice(0,l)+he+n.slice(l)+b+d):n+b+(l===-2?t:d)}return[fe(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},I=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=Ce(t,n);if(this.el=e.createElement(l,r),F.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=F.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(he)){let t=u[o++],n=i.getAttribute(e).split(b),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?Te:r[1]===`?`?Ee:r[1]===`@`?De:R}),i.removeAttribute(e)}else e.startsWith(b)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(xe.test(i.tagName)){let e=i.textContent.split(b),t=e.length-1;if(t>0){i.textContent=y?y.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],C()),F.nextNode(),c.push({type:2,index:++a});i.append(e[t],C())}}}else if(i.nodeType===8){if(i.data===x)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(b,e+1))!==-1;)c.push({type:7,index:a}),e+=b.length-1}}a++}}static createElement(e,t){let n=S.createElement(`template`);return n.innerHTML=e,n}},we=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??S).importNode(t,!0);F.currentNode=r;let i=F.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new L(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new Oe(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=F.nextNode(),a++)}return F.currentNode=S,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},L=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=P,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=_(this,e,t),w(e)?e===P||e==null||e===``?(this._$AH!==P&&this._$AR(),this._$AH=P):e!==this._$AH&&e!==N&&this._(e):e._$litType$===void 0?e.nodeType===void 0?_e(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==P&&w(this._$AH)?this._$AA.nextSibling.data=e:this.T(S.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=I.createElement(fe(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new we(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=Se.get(e.strings);return t===void 0&&Se.set(e.strings,t=new I(e)),t}k(t){T(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(C()),this.O(C()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=pe(e).nextSibling;pe(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},R=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=P,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=P}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=_(this,e,t,0),a=!w(e)||e!==this._$AH&&e!==N,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=_(this,r[n+o],t,o),s===N&&(s=this._$AH[o]),a||=!w(s)||s!==this._$AH[o],s===P?e=P:e!==P&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===P?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},Te=class extends R{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===P?void 0:e}},Ee=class extends R{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==P)}},De=class extends R{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=_(this,e,t,0)??P)===N)return;let n=this._$AH,r=e===P&&n!==P||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==P&&(n===P||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Oe=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){_(this,e)}},(0,v.litHtmlPolyfillSupport)?.(I,L),(v.litHtmlVersions??=[]).push(`3.3.3`),ke=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new L(t.insertBefore(C(),e),e,void 0,n??{})}return i._$AI(e),i}})),B,V,Ae=t((()=>{de(),de(),z(),z(),B=globalThis,V=class extends g{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=ke(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return N}},V._$litElement$=!0,V.finalized=!0,B.litElementHydrateSupport?.({LitElement:V}),(0,B.litElementPolyfillSupport)?.({LitElement:V}),(B.litElementVersions??=[]).push(`4.2.2`)})),je=t((()=>{})),H=t((()=>{de(),z(),Ae(),je()}));H();var U=2e3,Me=8e3,Ne={glass:`water`,stretch:`stretch`,cramp:`cramp`};function Pe(e,t,n){e.dispatchEvent(new CustomEvent(t,{detail:n,bubbles:!0,composed:!0}))}function Fe(e,t){t&&Pe(e,`hass-more-info`,{entityId:t})}var Ie=class{constructor(e,t){this._host=e,this._context=t,this.pressed={},this._pressTimers={},e.addController(this)}hostDisconnected(){for(let e of Object.values(this._pressTimers))clearTimeout(e);this._pressTimers={},clearTimeout(this._undoTimer),this._setUndo(void 0),clearTimeout(this._checkinTimer),this._setCheckin(void 0)}async press(e,t){let{hass:n}=this._context();if(!n||!t)return;let r=`done`;try{await n.callService(`button`,`press`,{entity_id:t})}catch{r=`failed`}this._setPressed({...this.pressed,[e]:r}),clearTimeout(this._pressTimers[e]),this._pressTimers[e]=setTimeout(()=>this._clearPressed(e),U),r===`done`&&this._offerUndo({kind:e,state:`offer`},Me)}async undoLast(e){let{hass:t,entryId:n}=this._context();if(!t||!n)return;let r=`done`;try{await t.callService(`cramp_guard`,`undo_log`,{config_entry_id:n,kind:Ne[e]})}catch{r=`failed`}this._clearPressed(e),this._offerUndo({kind:e,state:r},U)}async answerCheckin(e){let{hass:t,entryId:n}=this._context(),r=this.checkin?.state;if(!t||!n||r===`pending`||r===`done`)return;clearTimeout(this._checkinTimer),this._setCheckin({answer:e,state:`pending`});let i=`done`;try{await t.callService(`cramp_guard`,`answer_checkin`,{config_entry_id:n,answer:e})}catch{i=`failed`}this._setCheckin({answer:e,state:i}),this._checkinTimer=setTimeout(()=>this._setCheckin(void 0),U)}_setCheckin(e){this.checkin=e,this._host.requestUpdate()}_clearPressed(e){let{[e]:t,...n}=this.pressed;this._setPressed(n)}_setPressed(e){this.pressed=e,this._host.requestUpdate()}_setUndo(e){this.undo=e,this._host.requestUpdate()}_offerUndo(e,t){this._setUndo(e),clearTimeout(this._undoTimer),this._undoTimer=setTimeout(()=>this._setUndo(void 0),t)}};function Le(e,t,n){if(!e.get(t))try{e.define(t,n)}catch{e.define(t,class extends n{})}}function Re(e,t){let n=window.customElements;Le(n,e,t);let r=()=>{let r=globalThis.window?.customElements;return!r||(r!==n&&Le(r,e,t),!!r.get(`home-assistant`)&&!!r.get(e))};n.whenDefined(`home-assistant`).then(r);let i=Date.now()+ze,a=setInterval(()=>{(r()||Date.now()>i)&&clearInterval(a)},250)}var ze,Be=t((()=>{ze=3e4})),Ve,He,Ue,We,Ge,Ke,qe,Je,Ye,Xe,Ze,Qe,$e,et,tt,nt,rt,it,at,ot,st,ct,lt,ut,dt,ft,pt,mt,ht,gt,_t,vt,yt,bt,xt=t((()=>{Ve=`Krampfrisiko`,He=`Cramp Guard wird geladen…`,Ue=`Diese Person wurde in Cramp Guard nicht gefunden. Wähle in den Karteneinstellungen eine Person aus.`,We=`Cramp Guard ist gerade nicht geladen (wird neu geladen oder ist deaktiviert). Neuer Versuch folgt…`,Ge=`Cramp Guard ist gerade nicht erreichbar. Neuer Versuch folgt…`,Ke=`Noch keine Messwerte`,qe=`Das Risiko erscheint, sobald eine der Quellen einen Wert meldet.`,Je=`Krampfrisiko-Index {score} von 100, {level}. Details anzeigen`,Ye=`von 100`,Xe=`Krampfrisiko: noch keine Messwerte. Details anzeigen`,Ze=`Was dazu beiträgt`,Qe=`Gerade erhöht nichts das Risiko.`,$e=`Summe`,et=`Nicht gemessen: {list}`,tt=`Veraltet: {source} zuletzt synchronisiert {ago}`,nt=`Zuverlässigkeit: {confidence}`,rt=`{level} - {hint}`,it=`Was es jetzt senken würde`,at=`Wasser heute`,ot=`{today} von {target} mL - bis jetzt fällig {expected} mL`,st=`{today} von {target} mL`,ct=`{today} mL heute`,lt=`Erfasst`,ut=`Nicht erfasst`,dt=`Rückgängig`,ft=`Rückgängig gemacht`,pt=`Rückgängig machen fehlgeschlagen`,mt=`Warum?`,ht=`Ausblenden`,gt=`Wie gut es zu deinen Krämpfen passte`,_t=`{n}\xA0%`,vt=`Allgemeine Informationen, keine medizinische Beratung.`,yt=`Bitte wende dich an medizinisches Fachpersonal, wenn Krämpfe häufig oder stark sind; mit Schwellung, Rötung, Überwärmung, anhaltenden Schmerzen, Schwäche oder Taubheitsgefühl einhergehen; keinen klaren Auslöser haben oder mit einem neuen Medikament begonnen haben; den Schlaf oder den Alltag stören; oder in der Schwangerschaft auftreten.`,bt={title:Ve,loading:He,not_found:Ue,not_loaded:We,error:Ge,no_readings:Ke,no_readings_hint:qe,gauge_label:Je,of_100:Ye,gauge_label_unavailable:Xe,"level.low":`niedrig`,"level.moderate":`mäßig`,"level.high":`hoch`,"level.very_high":`sehr hoch`,factors:Ze,"factor.hydration":`zu wenig getrunken`,"factor.heat":`Wärme (Raum oder draußen)`,"factor.stretch":`heute nicht gedehnt`,"factor.workload":`mehr Aktivität als sonst`,"factor.exertion":`heute starke Anstrengung`,"factor.timing":`abend, Nacht oder nach dem Training`,no_factors:Qe,"history.recent_cramp":`kürzlicher Krampf`,"history.cramp_prone":`krampfanfällig`,"history.other":`frühere Krämpfe`,total:$e,not_measured:et,stale:tt,"stale_source.steps":`Schritte`,"stale_source.intensity_minutes":`Intensitätsminuten`,"stale_source.active_kcal":`Aktivkalorien`,"stale_source.water":`Trinkmenge`,"source.hydration":`Trinkmenge`,"source.heat":`Raumtemperatur`,"source.stretch":`Dehnübungen`,"source.workload":`Aktivitätsverlauf`,"source.exertion":`Aktivität`,"source.timing":`Tageszeit`,confidence_line:nt,confidence_with_hint:rt,"confidence.low":`niedrig`,"confidence.medium":`mittel`,"confidence.high":`hoch`,"hint.no_workload_history":`Aktivitätsverlauf: {known} von {needed} Tagen`,"hint.no_activity_source":`keine Aktivitätsquelle`,"hint.no_room_temperature":`keine Raumtemperatur`,"hint.no_water_logged":`heute noch kein Wasser erfasst`,"hint.no_recent_stretch":`in letzter Zeit keine Dehnung erfasst`,"hint.source_out":`eine Quelle ist nicht verfügbar`,"hint.source_stale":`eine Quelle hat länger nicht synchronisiert`,levers:it,"lever.water_glass":`Jetzt ein Glas ({ml}\xA0mL) zu trinken würde es auf {score} senken`,"lever.water":`Jetzt {ml}\xA0mL Wasser zu trinken würde es auf {score} senken`,"lever.stretch":`Jetzt zu dehnen würde es auf {score} senken`,"lever.cooler":`Ein um {degrees} kühlerer Raum würde es auf {score} senken`,"unit.celsius":`{n}\xA0°C`,"unit.fahrenheit":`{n}\xA0°F`,water:at,water_line:ot,water_line_no_pace:st,water_line_no_target:ct,"button.glass":`+1 Glas ({ml} mL)`,"button.glass_plain":`+1 Glas`,"button.stretch":`Gedehnt`,"button.cramp":`Krampf`,"button_label.glass":`Ein Glas Wasser erfassen`,"button_label.stretch":`Eine Dehnung erfassen`,"button_label.cramp":`Einen Krampf erfassen`,logged:lt,log_failed:ut,"undo.glass":`Glas erfasst`,"undo.stretch":`Dehnen erfasst`,"undo.cramp":`Krampf erfasst`,undo:dt,undone:ft,undo_failed:pt,"checkin.question":`Hattest du letzte Nacht Krämpfe?`,"checkin.no":`Nein`,"checkin.yes":`Ja`,"checkin.saved":`Gespeichert`,"checkin.failed":`Nicht gespeichert`,why:mt,why_hide:ht,"why.compare":`Der Wert vergleicht den heutigen Tag mit Situationen, die die Forschung mit Muskelkrämpfen in Verbindung bringt.`,"why.strong":`Am besten belegt sind mehr oder härtere Belastung als gewohnt und Ermüdung. Frühere Krämpfe gehören zu den beständigsten persönlichen Faktoren, daher vervielfacht ein kürzlicher Krampf oder Krampfanfälligkeit den Wert.`,"why.weak":`Für Hitze, zu wenig Trinken und fehlendes Dehnen ist die Beweislage schwächer, daher geben sie weniger Punkte.`,"why.index":`Der Wert ist ein relativer Index von 0 bis 100, keine Wahrscheinlichkeit: Niemand kann einen Krampf vorhersagen.`,matched:gt,"matched.finding":`Von deinen {matched} Krämpfen kamen {high_events} nach Stunden mit hohem oder sehr hohem Risiko, und diese Stunden waren {share} deiner Zeit.`,"matched.finding_one":`Von deinen {matched} Krämpfen kam {high_events} nach Stunden mit hohem oder sehr hohem Risiko, und diese Stunden waren {share} deiner Zeit.`,"matched.learning":`Lernphase: {matched} von {needed_events} Krämpfen, {tracked_days} von {needed_days} Tagen`,percent:_t,"personal.weight":`{factor}: zählt bei dir {m}-fach (aus {events} Krämpfen)`,"personal.calibrating":`Lernen aus deinen Krämpfen: Es beginnt nach {needed_events} Krämpfen und {needed_days} Tagen.`,"factor_name.hydration":`Trinken`,"factor_name.heat":`Hitze`,"factor_name.stretch":`Dehnen`,"factor_name.workload":`Belastung`,"factor_name.exertion":`Anstrengung`,"factor_name.timing":`Tageszeit`,not_medical_advice:vt,see_professional:yt,"editor.person":`Person`,"editor.no_people":`Es ist noch keine Person in Cramp Guard eingerichtet. Füge eine unter Einstellungen > Geräte & Dienste hinzu.`}})),St,Ct,wt,Tt,Et,Dt,Ot,kt,At,jt,Mt,Nt,Pt,Ft,It,Lt,Rt,zt,Bt,Vt,Ht,Ut,Wt,Gt,Kt,qt,Jt,Yt,Xt,Zt,Qt,$t,en,W,tn=t((()=>{St=`Cramp risk`,Ct=`Loading Cramp Guard…`,wt=`This Cramp Guard person was not found. Choose a person in the card's settings.`,Tt=`Cramp Guard is not loaded right now (reloading or disabled). Trying again…`,Et=`Cramp Guard cannot be reached right now. Trying again…`,Dt=`No readings yet`,Ot=`The risk appears as soon as one of the sources reports.`,kt=`Cramp risk index {score} of 100, {level}. Show details`,At=`of 100`,jt=`Cramp risk: no readings yet. Show details`,Mt=`What adds to it`,Nt=`Nothing adds to the risk right now.`,Pt=`total`,Ft=`Not measured: {list}`,It=`Stale: {source} last synced {ago}`,Lt=`Confidence: {confidence}`,Rt=`{level} - {hint}`,zt=`What would lower it now`,Bt=`Water today`,Vt=`{today} of {target} mL - due by now {expected} mL`,Ht=`{today} of {target} mL`,Ut=`{today} mL today`,Wt=`Logged`,Gt=`Not logged`,Kt=`Undo`,qt=`Undone`,Jt=`Could not undo`,Yt=`Why?`,Xt=`Hide`,Zt=`How it has matched your cramps`,Qt=`{n}\xA0%`,$t=`General information, not medical advice.`,en=`Please see a health professional when cramps are frequent or severe; come with swelling, redness, warmth, lasting pain, weakness or numbness; have no clear trigger or began with a new medicine; disturb sleep or daily life; or occur in pregnancy.`,W={title:St,loading:Ct,not_found:wt,not_loaded:Tt,error:Et,no_readings:Dt,no_readings_hint:Ot,gauge_label:kt,of_100:At,gauge_label_unavailable:jt,"level.low":`low`,"level.moderate":`moderate`,"level.high":`high`,"level.very_high":`very high`,factors:Mt,"factor.hydration":`behind on water`,"factor.heat":`heat (room or outdoors)`,"factor.stretch":`no stretch today`,"factor.workload":`more activity than usual`,"factor.exertion":`hard effort today`,"factor.timing":`evening, night or after exercise`,no_factors:Nt,"history.recent_cramp":`recent cramp`,"history.cramp_prone":`cramp-prone`,"history.other":`cramp history`,total:Pt,not_measured:Ft,stale:It,"stale_source.steps":`steps`,"stale_source.intensity_minutes":`intensity minutes`,"stale_source.active_kcal":`active calories`,"stale_source.water":`water intake`,"source.hydration":`water intake`,"source.heat":`room temperature`,"source.stretch":`stretches`,"source.workload":`activity history`,"source.exertion":`activity`,"source.timing":`time of day`,confidence_line:Lt,confidence_with_hint:Rt,"confidence.low":`low`,"confidence.medium":`medium`,"confidence.high":`high`,"hint.no_workload_history":`activity history: {known} of {needed} days`,"hint.no_activity_source":`no activity source`,"hint.no_room_temperature":`no room temperature`,"hint.no_water_logged":`no water logged today`,"hint.no_recent_stretch":`no stretch logged recently`,"hint.source_out":`a source is unavailable`,"hint.source_stale":`a source has not synced for a while`,levers:zt,"lever.water_glass":`A glass now ({ml}\xA0mL) would bring it to {score}`,"lever.water":`{ml}\xA0mL of water now would bring it to {score}`,"lever.stretch":`Stretching now would bring it to {score}`,"lever.cooler":`A room {degrees} cooler would bring it to {score}`,"unit.celsius":`{n}\xA0°C`,"unit.fahrenheit":`{n}\xA0°F`,water:Bt,water_line:Vt,water_line_no_pace:Ht,water_line_no_target:Ut,"button.glass":`+1 glass ({ml} mL)`,"button.glass_plain":`+1 glass`,"button.stretch":`Stretched`,"button.cramp":`Cramp`,"button_label.glass":`Log a glass of water`,"button_label.stretch":`Log a stretch`,"button_label.cramp":`Log a cramp`,logged:Wt,log_failed:Gt,"undo.glass":`Glass logged`,"undo.stretch":`Stretch logged`,"undo.cramp":`Cramp logged`,undo:Kt,undone:qt,undo_failed:Jt,"checkin.question":`Any cramps last night?`,"checkin.no":`No`,"checkin.yes":`Yes`,"checkin.saved":`Saved`,"checkin.failed":`Not saved`,why:Yt,why_hide:Xt,"why.compare":`The score compares today with situations that research links to muscle cramps.`,"why.strong":`The best-supported drivers are doing more or harder work than usual, and fatigue. Earlier cramps are among the most consistent personal factors, so a recent cramp or being cramp-prone multiplies the score.`,"why.weak":`Heat, being behind on water and not stretching have weaker evidence, so they add fewer points.`,"why.index":`The score is a relative index from 0 to 100, not a probability: nobody can predict a cramp.`,matched:Zt,"matched.finding":`Of your {matched} cramps, {high_events} came after hours at high or very high, which were {share} of your time.`,"matched.finding_one":`Of your {matched} cramps, {high_events} came after hours at high or very high, which were {share} of your time.`,"matched.learning":`Learning: {matched} of {needed_events} cramps, {tracked_days} of {needed_days} days`,percent:Qt,"personal.weight":`{factor} counts {m}\xA0× for you (from {events} cramps)`,"personal.calibrating":`Learning from your cramps: it starts after {needed_events} cramps and {needed_days} days.`,"factor_name.hydration":`Hydration`,"factor_name.heat":`Heat`,"factor_name.stretch":`Stretching`,"factor_name.workload":`Workload`,"factor_name.exertion":`Exertion`,"factor_name.timing":`Time of day`,not_medical_advice:$t,see_professional:en,"editor.person":`Person`,"editor.no_people":`No Cramp Guard person is set up yet. Add one under Settings > Devices & services.`}})),nn,rn,an,on,sn,cn,ln,un,dn,fn,pn,mn,hn,gn,_n,vn,yn,bn,xn,Sn,Cn,wn,Tn,En,Dn,On,kn,An,jn,Mn,Nn,Pn,Fn,In,Ln=t((()=>{nn=`Riesgo de calambres`,rn=`Cargando Cramp Guard…`,an=`No se encuentra esta persona en Cramp Guard. Elige una persona en la configuración de la tarjeta.`,on=`Cramp Guard no está cargado en este momento (se está recargando o está desactivado). Volviendo a intentarlo…`,sn=`No se puede conectar con Cramp Guard en este momento. Volviendo a intentarlo…`,cn=`Todavía no hay datos`,ln=`El riesgo aparece en cuanto una de las fuentes envía un valor.`,un=`Índice de riesgo de calambres {score} de 100, {level}. Ver detalles`,dn=`de 100`,fn=`Riesgo de calambres: todavía no hay datos. Ver detalles`,pn=`Qué lo aumenta`,mn=`Ahora mismo nada aumenta el riesgo.`,hn=`total`,gn=`Sin medir: {list}`,_n=`Desactualizado: {source}, última sincronización {ago}`,vn=`Confianza: {confidence}`,yn=`{level} - {hint}`,bn=`Qué lo bajaría ahora`,xn=`Agua hoy`,Sn=`{today} de {target} mL - lo previsto a esta hora: {expected} mL`,Cn=`{today} de {target} mL`,wn=`{today} mL hoy`,Tn=`Registrado`,En=`No registrado`,Dn=`Deshacer`,On=`Deshecho`,kn=`No se pudo deshacer`,An=`¿Por qué?`,jn=`Ocultar`,Mn=`Cómo ha coincidido con tus calambres`,Nn=`{n}\xA0%`,Pn=`Información general, no consejo médico.`,Fn=`Consulta a un profesional sanitario si los calambres son frecuentes o intensos; si vienen con hinchazón, enrojecimiento, calor, dolor persistente, debilidad o entumecimiento; si no tienen un desencadenante claro o empezaron con un medicamento nuevo; si alteran el sueño o la vida diaria; o si aparecen durante el embarazo.`,In={title:nn,loading:rn,not_found:an,not_loaded:on,error:sn,no_readings:cn,no_readings_hint:ln,gauge_label:un,of_100:dn,gauge_label_unavailable:fn,"level.low":`bajo`,"level.moderate":`moderado`,"level.high":`alto`,"level.very_high":`muy alto`,factors:pn,"factor.hydration":`vas retrasado con el agua`,"factor.heat":`calor (habitación o exterior)`,"factor.stretch":`sin estirar hoy`,"factor.workload":`más actividad de lo habitual`,"factor.exertion":`esfuerzo intenso hoy`,"factor.timing":`tarde, noche o después del ejercicio`,no_factors:mn,"history.recent_cramp":`calambre reciente`,"history.cramp_prone":`propenso a calambres`,"history.other":`calambres anteriores`,total:hn,not_measured:gn,stale:_n,"stale_source.steps":`pasos`,"stale_source.intensity_minutes":`minutos de intensidad`,"stale_source.active_kcal":`calorías activas`,"stale_source.water":`agua bebida`,"source.hydration":`agua bebida`,"source.heat":`temperatura de la habitación`,"source.stretch":`estiramientos`,"source.workload":`historial de actividad`,"source.exertion":`actividad`,"source.timing":`hora del día`,confidence_line:vn,confidence_with_hint:yn,"confidence.low":`baja`,"confidence.medium":`media`,"confidence.high":`alta`,"hint.no_workload_history":`historial de actividad: {known} de {needed} días`,"hint.no_activity_source":`sin fuente de actividad`,"hint.no_room_temperature":`sin temperatura de la habitación`,"hint.no_water_logged":`hoy no se ha registrado agua`,"hint.no_recent_stretch":`no se han registrado estiramientos recientes`,"hint.source_out":`una fuente no está disponible`,"hint.source_stale":`una fuente lleva un tiempo sin sincronizar`,levers:bn,"lever.water_glass":`Un vaso ahora ({ml}\xA0mL) lo bajaría a {score}`,"lever.water":`{ml}\xA0mL de agua ahora lo bajarían a {score}`,"lever.stretch":`Estirar ahora lo bajaría a {score}`,"lever.cooler":`Una habitación {degrees} más fresca lo bajaría a {score}`,"unit.celsius":`{n}\xA0°C`,"unit.fahrenheit":`{n}\xA0°F`,water:xn,water_line:Sn,water_line_no_pace:Cn,water_line_no_target:wn,"button.glass":`+1 vaso ({ml} mL)`,"button.glass_plain":`+1 vaso`,"button.stretch":`He estirado`,"button.cramp":`Calambre`,"button_label.glass":`Registrar un vaso de agua`,"button_label.stretch":`Registrar un estiramiento`,"button_label.cramp":`Registrar un calambre`,logged:Tn,log_failed:En,"undo.glass":`Vaso registrado`,"undo.stretch":`Estiramiento registrado`,"undo.cramp":`Calambre registrado`,undo:Dn,undone:On,undo_failed:kn,"checkin.question":`¿Tuviste calambres anoche?`,"checkin.no":`No`,"checkin.yes":`Sí`,"checkin.saved":`Guardado`,"checkin.failed":`No guardado`,why:An,why_hide:jn,"why.compare":`La puntuación compara el día de hoy con situaciones que la investigación relaciona con los calambres musculares.`,"why.strong":`Los factores mejor respaldados son un esfuerzo mayor o más intenso de lo habitual y la fatiga. Los calambres anteriores son uno de los factores personales más constantes, por eso un calambre reciente o la tendencia a tenerlos multiplica la puntuación.`,"why.weak":`El calor, beber poco y no estirar tienen pruebas más débiles, así que suman menos puntos.`,"why.index":`La puntuación es un índice relativo de 0 a 100, no una probabilidad: nadie puede predecir un calambre.`,matched:Mn,"matched.finding":`De tus {matched} calambres, {high_events} aparecieron tras horas de nivel alto o muy alto, que fueron el {share} de tu tiempo.`,"matched.finding_one":`De tus {matched} calambres, {high_events} apareció tras horas de nivel alto o muy alto, que fueron el {share} de tu tiempo.`,"matched.learning":`Aprendiendo: {matched} de {needed_events} calambres, {tracked_days} de {needed_days} días`,percent:Nn,"personal.weight":`{factor}: peso multiplicado por {m} en tu caso (según {events} calambres)`,"personal.calibrating":`Aprender de tus calambres: empieza tras {needed_events} calambres y {needed_days} días.`,"factor_name.hydration":`Hidratación`,"factor_name.heat":`Calor`,"factor_name.stretch":`Estiramientos`,"factor_name.workload":`Carga de actividad`,"factor_name.exertion":`Esfuerzo`,"factor_name.timing":`Hora del día`,not_medical_advice:Pn,see_professional:Fn,"editor.person":`Persona`,"editor.no_people":`Todavía no hay ninguna persona configurada en Cramp Guard. Añade una en Ajustes > Dispositivos y servicios.`}})),Rn,zn,Bn,Vn,Hn,Un,Wn,Gn,Kn,qn,Jn,Yn,Xn,Zn,Qn,$n,er,tr,nr,rr,ir,ar,or,sr,cr,lr,ur,dr,fr,pr,mr,hr,gr,_r,vr=t((()=>{Rn=`Risque de crampe`,zn=`Chargement de Cramp Guard…`,Bn=`Cette personne est introuvable dans Cramp Guard. Choisissez une personne dans les paramètres de la carte.`,Vn=`Cramp Guard n'est pas chargé pour le moment (rechargement ou désactivé). Nouvel essai en cours…`,Hn=`Cramp Guard est injoignable pour le moment. Nouvel essai en cours…`,Un=`Pas encore de mesures`,Wn=`Le risque s'affiche dès qu'une des sources transmet une valeur.`,Gn=`Indice de risque de crampe {score} sur 100, {level}. Afficher les détails`,Kn=`sur 100`,qn=`Risque de crampe : pas encore de mesures. Afficher les détails`,Jn=`Ce qui y contribue`,Yn=`Rien n'augmente le risque pour le moment.`,Xn=`total`,Zn=`Non mesuré : {list}`,Qn=`Pas à jour : {source}, dernière synchronisation {ago}`,$n=`Confiance : {confidence}`,er=`{level} - {hint}`,tr=`Ce qui le ferait baisser maintenant`,nr=`Eau aujourd'hui`,rr=`{today} sur {target} mL - attendu à cette heure {expected} mL`,ir=`{today} sur {target} mL`,ar=`{today} mL aujourd'hui`,or=`Enregistré`,sr=`Non enregistré`,cr=`Annuler`,lr=`Annulé`,ur=`Impossible d'annuler`,dr=`Pourquoi ?`,fr=`Masquer`,pr=`Concordance avec vos crampes`,mr=`{n}\xA0%`,hr=`Informations générales, pas un avis médical.`,gr=`Veuillez consulter un professionnel de santé si les crampes sont fréquentes ou sévères ; s'accompagnent d'un gonflement, d'une rougeur, d'une sensation de chaleur, d'une douleur persistante, d'une faiblesse ou d'un engourdissement ; n'ont pas de déclencheur évident ou ont commencé avec un nouveau médicament ; perturbent le sommeil ou la vie quotidienne ; ou surviennent pendant une grossesse.`,_r={title:Rn,loading:zn,not_found:Bn,not_loaded:Vn,error:Hn,no_readings:Un,no_readings_hint:Wn,gauge_label:Gn,of_100:Kn,gauge_label_unavailable:qn,"level.low":`faible`,"level.moderate":`modéré`,"level.high":`élevé`,"level.very_high":`très élevé`,factors:Jn,"factor.hydration":`retard d'hydratation`,"factor.heat":`chaleur (pièce ou extérieur)`,"factor.stretch":`pas d'étirement aujourd'hui`,"factor.workload":`plus d'activité que d'habitude`,"factor.exertion":`effort intense aujourd'hui`,"factor.timing":`soirée, nuit ou après l'effort`,no_factors:Yn,"history.recent_cramp":`crampe récente`,"history.cramp_prone":`sujet aux crampes`,"history.other":`crampes passées`,total:Xn,not_measured:Zn,stale:Qn,"stale_source.steps":`nombre de pas`,"stale_source.intensity_minutes":`minutes d'activité intense`,"stale_source.active_kcal":`calories actives`,"stale_source.water":`boissons`,"source.hydration":`boissons`,"source.heat":`température de la pièce`,"source.stretch":`étirements`,"source.workload":`historique d'activité`,"source.exertion":`activité`,"source.timing":`moment de la journée`,confidence_line:$n,confidence_with_hint:er,"confidence.low":`faible`,"confidence.medium":`moyenne`,"confidence.high":`élevée`,"hint.no_workload_history":`historique d'activité : {known} jours sur {needed}`,"hint.no_activity_source":`aucune source d'activité`,"hint.no_room_temperature":`aucune température de pièce`,"hint.no_water_logged":`aucune boisson enregistrée aujourd'hui`,"hint.no_recent_stretch":`aucun étirement enregistré récemment`,"hint.source_out":`une source est indisponible`,"hint.source_stale":`une source n'est plus synchronisée depuis un moment`,levers:tr,"lever.water_glass":`Un verre maintenant ({ml}\xA0mL) le ferait passer à {score}`,"lever.water":`Boire {ml}\xA0mL d'eau maintenant le ferait passer à {score}`,"lever.stretch":`S'étirer maintenant le ferait passer à {score}`,"lever.cooler":`Une pièce plus fraîche de {degrees} le ferait passer à {score}`,"unit.celsius":`{n}\xA0°C`,"unit.fahrenheit":`{n}\xA0°F`,water:nr,water_line:rr,water_line_no_pace:ir,water_line_no_target:ar,"button.glass":`+1 verre ({ml} mL)`,"button.glass_plain":`+1 verre`,"button.stretch":`Étiré`,"button.cramp":`Crampe`,"button_label.glass":`Enregistrer un verre d'eau`,"button_label.stretch":`Enregistrer un étirement`,"button_label.cramp":`Enregistrer une crampe`,logged:or,log_failed:sr,"undo.glass":`Verre enregistré`,"undo.stretch":`Étirement enregistré`,"undo.cramp":`Crampe enregistrée`,undo:cr,undone:lr,undo_failed:ur,"checkin.question":`Des crampes la nuit dernière ?`,"checkin.no":`Non`,"checkin.yes":`Oui`,"checkin.saved":`Enregistré`,"checkin.failed":`Non enregistré`,why:dr,why_hide:fr,"why.compare":`Le score compare aujourd'hui à des situations que la recherche associe aux crampes musculaires.`,"why.strong":`Les facteurs les mieux établis sont un effort plus important ou plus intense que d'habitude et la fatigue. Les crampes passées font partie des facteurs personnels les plus constants : une crampe récente ou une tendance aux crampes multiplie donc le score.`,"why.weak":`Pour la chaleur, le manque d'eau et l'absence d'étirement, les preuves sont plus faibles : ils ajoutent donc moins de points.`,"why.index":`Le score est un indice relatif de 0 à 100, pas une probabilité : personne ne peut prédire une crampe.`,matched:pr,"matched.finding":`Sur vos {matched} crampes, {high_events} sont survenues après des heures à un niveau élevé ou très élevé, qui représentaient {share} de votre temps.`,"matched.finding_one":`Sur vos {matched} crampes, {high_events} est survenue après des heures à un niveau élevé ou très élevé, qui représentaient {share} de votre temps.`,"matched.learning":`Apprentissage : {matched} crampes sur {needed_events}, {tracked_days} jours sur {needed_days}`,percent:mr,"personal.weight":`{factor} : poids multiplié par {m} pour vous (d'après {events} crampes)`,"personal.calibrating":`Apprentissage à partir de vos crampes : il commence après {needed_events} crampes et {needed_days} jours.`,"factor_name.hydration":`Hydratation`,"factor_name.heat":`Chaleur`,"factor_name.stretch":`Étirements`,"factor_name.workload":`Charge d'activité`,"factor_name.exertion":`Effort`,"factor_name.timing":`Moment de la journée`,not_medical_advice:hr,see_professional:gr,"editor.person":`Personne`,"editor.no_people":`Aucune personne n'est encore configurée dans Cramp Guard. Ajoutez-en une dans Paramètres > Appareils et services.`}})),yr,br,xr,Sr,Cr,wr,Tr,Er,Dr,Or,kr,Ar,jr,Mr,Nr,Pr,Fr,Ir,Lr,Rr,zr,Br,Vr,Hr,Ur,Wr,Gr,Kr,qr,Jr,Yr,Xr,Zr,Qr,$r=t((()=>{yr=`סיכון להתכווצויות`,br=`Cramp Guard נטען…`,xr=`האדם הזה לא נמצא ב-Cramp Guard. יש לבחור אדם בהגדרות הכרטיס.`,Sr=`Cramp Guard לא טעון כרגע (בטעינה מחדש או מושבת). מנסה שוב…`,Cr=`אין כרגע חיבור ל-Cramp Guard. מנסה שוב…`,wr=`אין עדיין מדידות`,Tr=`הסיכון יוצג ברגע שאחד המקורות ידווח ערך.`,Er=`מדד הסיכון להתכווצויות {score} מתוך 100, {level}. הצגת פרטים`,Dr=`מתוך 100`,Or=`סיכון להתכווצויות: אין עדיין מדידות. הצגת פרטים`,kr=`מה מעלה אותו`,Ar=`כרגע שום דבר לא מעלה את הסיכון.`,jr=`סה"כ`,Mr=`לא נמדד: {list}`,Nr=`לא עדכני: {source}, סונכרן לאחרונה {ago}`,Pr=`רמת ביטחון: {confidence}`,Fr=`{level} - {hint}`,Ir=`מה היה מוריד אותו עכשיו`,Lr=`מים היום`,Rr=`{today} מתוך {target} מ״ל - עד עכשיו נדרשו {expected} מ״ל`,zr=`{today} מתוך {target} מ״ל`,Br=`{today} מ״ל היום`,Vr=`נרשם`,Hr=`לא נרשם`,Ur=`ביטול`,Wr=`בוטל`,Gr=`לא ניתן לבטל`,Kr=`למה?`,qr=`הסתרה`,Jr=`עד כמה המדד התאים להתכווצויות שלך`,Yr=`{n}%`,Xr=`מידע כללי, לא ייעוץ רפואי.`,Zr=`נא לפנות לגורם מקצועי בתחום הבריאות כשההתכווצויות תכופות או חמורות; מלוות בנפיחות, אדמומיות, חום מקומי, כאב מתמשך, חולשה או חוסר תחושה; אין להן גורם ברור או שהן החלו עם תרופה חדשה; מפריעות לשינה או לחיי היום-יום; או מופיעות בהריון.`,Qr={title:yr,loading:br,not_found:xr,not_loaded:Sr,error:Cr,no_readings:wr,no_readings_hint:Tr,gauge_label:Er,of_100:Dr,gauge_label_unavailable:Or,"level.low":`נמוך`,"level.moderate":`בינוני`,"level.high":`גבוה`,"level.very_high":`גבוה מאוד`,factors:kr,"factor.hydration":`פיגור בשתיית מים`,"factor.heat":`חום (בחדר או בחוץ)`,"factor.stretch":`בלי מתיחות היום`,"factor.workload":`יותר פעילות מהרגיל`,"factor.exertion":`מאמץ קשה היום`,"factor.timing":`ערב, לילה או אחרי פעילות גופנית`,no_factors:Ar,"history.recent_cramp":`התכווצות לאחרונה`,"history.cramp_prone":`נטייה להתכווצויות`,"history.other":`התכווצויות קודמות`,total:jr,not_measured:Mr,stale:Nr,"stale_source.steps":`צעדים`,"stale_source.intensity_minutes":`דקות פעילות מאומצת`,"stale_source.active_kcal":`קלוריות פעילות`,"stale_source.water":`שתייה`,"source.hydration":`שתייה`,"source.heat":`טמפרטורת החדר`,"source.stretch":`מתיחות`,"source.workload":`היסטוריית פעילות`,"source.exertion":`פעילות`,"source.timing":`השעה ביום`,confidence_line:Pr,confidence_with_hint:Fr,"confidence.low":`נמוכה`,"confidence.medium":`בינונית`,"confidence.high":`גבוהה`,"hint.no_workload_history":`היסטוריית פעילות: {known} מתוך {needed} ימים`,"hint.no_activity_source":`אין מקור פעילות`,"hint.no_room_temperature":`אין טמפרטורת חדר`,"hint.no_water_logged":`לא נרשמו מים היום`,"hint.no_recent_stretch":`לא נרשמו מתיחות לאחרונה`,"hint.source_out":`אחד המקורות אינו זמין`,"hint.source_stale":`מקור לא סונכרן כבר זמן מה`,levers:Ir,"lever.water_glass":`כוס עכשיו ({ml}\xA0מ״ל) הייתה מורידה אותו ל-{score}`,"lever.water":`{ml}\xA0מ״ל מים עכשיו היו מורידים אותו ל-{score}`,"lever.stretch":`מתיחה עכשיו הייתה מורידה אותו ל-{score}`,"lever.cooler":`חדר קריר יותר ב-{degrees} היה מוריד אותו ל-{score}`,"unit.celsius":`{n}\xA0מעלות`,"unit.fahrenheit":`{n}\xA0מעלות פרנהייט`,water:Lr,water_line:Rr,water_line_no_pace:zr,water_line_no_target:Br,"button.glass":`⁦+1⁩ כוס ({ml} מ״ל)`,"button.glass_plain":`⁦+1⁩ כוס`,"button.stretch":`התמתחתי`,"button.cramp":`התכווצות`,"button_label.glass":`רישום כוס מים`,"button_label.stretch":`רישום מתיחה`,"button_label.cramp":`רישום התכווצות`,logged:Vr,log_failed:Hr,"undo.glass":`כוס נרשמה`,"undo.stretch":`מתיחה נרשמה`,"undo.cramp":`התכווצות נרשמה`,undo:Ur,undone:Wr,undo_failed:Gr,"checkin.question":`היו לך התכווצויות בלילה?`,"checkin.no":`לא`,"checkin.yes":`כן`,"checkin.saved":`נשמר`,"checkin.failed":`לא נשמר`,why:Kr,why_hide:qr,"why.compare":`הציון משווה את היום למצבים שהמחקר מקשר להתכווצויות שרירים.`,"why.strong":`הגורמים המבוססים ביותר הם עבודה רבה או קשה מהרגיל ועייפות. התכווצויות קודמות הן מהגורמים האישיים העקביים ביותר, ולכן התכווצות לאחרונה או נטייה להתכווצויות מגדילות את הציון כולו במקדם.`,"why.weak":`לחום, למחסור בשתייה ולהיעדר מתיחות יש ראיות חלשות יותר, ולכן הם מוסיפים פחות נקודות.`,"why.index":`הציון הוא מדד יחסי בין 0 ל-100, לא הסתברות: אף אחד לא יכול לחזות התכווצות.`,matched:Jr,"matched.finding":`מתוך {matched} ההתכווצויות שלך, {high_events} הגיעו אחרי שעות ברמה גבוהה או גבוהה מאוד, שהיו {share} מהזמן שלך.`,"matched.finding_one":`מתוך {matched} ההתכווצויות שלך, {high_events} הגיעה אחרי שעות ברמה גבוהה או גבוהה מאוד, שהיו {share} מהזמן שלך.`,"matched.learning":`בלמידה: {matched} מתוך {needed_events} התכווצויות, {tracked_days} מתוך {needed_days} ימים`,percent:Yr,"personal.weight":`{factor}: משקל פי {m} אצלך (לפי {events} התכווצויות)`,"personal.calibrating":`למידה מההתכווצויות שלך: היא מתחילה אחרי {needed_events} התכווצויות ו-{needed_days} ימים.`,"factor_name.hydration":`שתייה`,"factor_name.heat":`חום`,"factor_name.stretch":`מתיחות`,"factor_name.workload":`עומס פעילות`,"factor_name.exertion":`מאמץ`,"factor_name.timing":`שעה ביום`,not_medical_advice:Xr,see_professional:Zr,"editor.person":`אדם`,"editor.no_people":`עדיין לא הוגדר אדם ב-Cramp Guard. אפשר להוסיף אחד בהגדרות > מכשירים ושירותים.`}})),ei,ti,ni,ri,ii,ai,oi,si,ci,li,ui,di,fi,pi,mi,hi,gi,_i,vi,yi,bi,xi,Si,Ci,wi,Ti,Ei,Di,Oi,ki,Ai,ji,Mi,Ni,Pi=t((()=>{ei=`Risico op kramp`,ti=`Cramp Guard wordt geladen…`,ni=`Deze persoon is niet gevonden in Cramp Guard. Kies een persoon in de instellingen van de kaart.`,ri=`Cramp Guard is nu niet geladen (wordt opnieuw geladen of is uitgeschakeld). Opnieuw proberen…`,ii=`Cramp Guard is nu niet bereikbaar. Opnieuw proberen…`,ai=`Nog geen metingen`,oi=`Het risico verschijnt zodra een van de bronnen een waarde doorgeeft.`,si=`Krampindex {score} van 100, {level}. Details tonen`,ci=`van 100`,li=`Risico op kramp: nog geen metingen. Details tonen`,ui=`Wat eraan bijdraagt`,di=`Op dit moment verhoogt niets het risico.`,fi=`totaal`,pi=`Niet gemeten: {list}`,mi=`Verouderd: {source}, laatst gesynchroniseerd {ago}`,hi=`Betrouwbaarheid: {confidence}`,gi=`{level} - {hint}`,_i=`Wat het nu zou verlagen`,vi=`Water vandaag`,yi=`{today} van {target} mL - nu verwacht {expected} mL`,bi=`{today} van {target} mL`,xi=`{today} mL vandaag`,Si=`Geregistreerd`,Ci=`Niet geregistreerd`,wi=`Ongedaan maken`,Ti=`Ongedaan gemaakt`,Ei=`Ongedaan maken mislukt`,Di=`Waarom?`,Oi=`Verbergen`,ki=`Hoe goed het bij je krampen paste`,Ai=`{n}%`,ji=`Algemene informatie, geen medisch advies.`,Mi=`Raadpleeg een zorgverlener als kramp vaak voorkomt of ernstig is; samengaat met zwelling, roodheid, warmte, aanhoudende pijn, zwakte of gevoelloosheid; geen duidelijke aanleiding heeft of begon met een nieuw medicijn; de slaap of het dagelijks leven verstoort; of tijdens een zwangerschap optreedt.`,Ni={title:ei,loading:ti,not_found:ni,not_loaded:ri,error:ii,no_readings:ai,no_readings_hint:oi,gauge_label:si,of_100:ci,gauge_label_unavailable:li,"level.low":`laag`,"level.moderate":`matig`,"level.high":`hoog`,"level.very_high":`zeer hoog`,factors:ui,"factor.hydration":`achter met drinken`,"factor.heat":`warmte (kamer of buiten)`,"factor.stretch":`vandaag niet gerekt`,"factor.workload":`meer activiteit dan gewoonlijk`,"factor.exertion":`zware inspanning vandaag`,"factor.timing":`avond, nacht of na inspanning`,no_factors:di,"history.recent_cramp":`recente kramp`,"history.cramp_prone":`krampgevoelig`,"history.other":`eerdere krampen`,total:fi,not_measured:pi,stale:mi,"stale_source.steps":`stappen`,"stale_source.intensity_minutes":`intensiteitsminuten`,"stale_source.active_kcal":`actieve calorieën`,"stale_source.water":`drinken`,"source.hydration":`drinken`,"source.heat":`kamertemperatuur`,"source.stretch":`rekoefeningen`,"source.workload":`activiteitsgeschiedenis`,"source.exertion":`activiteit`,"source.timing":`tijdstip`,confidence_line:hi,confidence_with_hint:gi,"confidence.low":`laag`,"confidence.medium":`gemiddeld`,"confidence.high":`hoog`,"hint.no_workload_history":`activiteitsgeschiedenis: {known} van {needed} dagen`,"hint.no_activity_source":`geen activiteitsbron`,"hint.no_room_temperature":`geen kamertemperatuur`,"hint.no_water_logged":`vandaag nog geen water geregistreerd`,"hint.no_recent_stretch":`de laatste tijd geen rekoefening geregistreerd`,"hint.source_out":`een bron is niet beschikbaar`,"hint.source_stale":`een bron is al een tijd niet gesynchroniseerd`,levers:_i,"lever.water_glass":`Nu een glas ({ml}\xA0mL) drinken zou het op {score} brengen`,"lever.water":`Nu {ml}\xA0mL water drinken zou het op {score} brengen`,"lever.stretch":`Nu rekken zou het op {score} brengen`,"lever.cooler":`Een kamer die {degrees} koeler is, zou het op {score} brengen`,"unit.celsius":`{n}\xA0°C`,"unit.fahrenheit":`{n}\xA0°F`,water:vi,water_line:yi,water_line_no_pace:bi,water_line_no_target:xi,"button.glass":`+1 glas ({ml} mL)`,"button.glass_plain":`+1 glas`,"button.stretch":`Gerekt`,"button.cramp":`Kramp`,"button_label.glass":`Een glas water registreren`,"button_label.stretch":`Een rekoefening registreren`,"button_label.cramp":`Een kramp registreren`,logged:Si,log_failed:Ci,"undo.glass":`Glas geregistreerd`,"undo.stretch":`Rekken geregistreerd`,"undo.cramp":`Kramp geregistreerd`,undo:wi,undone:Ti,undo_failed:Ei,"checkin.question":`Vannacht kramp gehad?`,"checkin.no":`Nee`,"checkin.yes":`Ja`,"checkin.saved":`Opgeslagen`,"checkin.failed":`Niet opgeslagen`,why:Di,why_hide:Oi,"why.compare":`De score vergelijkt vandaag met situaties die onderzoek in verband brengt met spierkrampen.`,"why.strong":`Het best onderbouwd zijn meer of zwaardere inspanning dan gewoonlijk en vermoeidheid. Eerdere krampen horen bij de meest consistente persoonlijke factoren; daarom vermenigvuldigt een recente kramp of krampgevoeligheid de score.`,"why.weak":`Voor warmte, te weinig drinken en niet rekken is het bewijs zwakker, dus tellen ze minder punten.`,"why.index":`De score is een relatieve index van 0 tot 100, geen kans: niemand kan een kramp voorspellen.`,matched:ki,"matched.finding":`Van je {matched} krampen kwamen er {high_events} na uren op hoog of zeer hoog, en die uren waren {share} van je tijd.`,"matched.finding_one":`Van je {matched} krampen kwam er {high_events} na uren op hoog of zeer hoog, en die uren waren {share} van je tijd.`,"matched.learning":`Aan het leren: {matched} van {needed_events} krampen, {tracked_days} van {needed_days} dagen`,percent:Ai,"personal.weight":`{factor}: telt voor jou {m} keer zo zwaar (op basis van {events} krampen)`,"personal.calibrating":`Leren van je krampen: dit begint na {needed_events} krampen en {needed_days} dagen.`,"factor_name.hydration":`Drinken`,"factor_name.heat":`Warmte`,"factor_name.stretch":`Rekken`,"factor_name.workload":`Belasting`,"factor_name.exertion":`Inspanning`,"factor_name.timing":`Tijdstip`,not_medical_advice:ji,see_professional:Mi,"editor.person":`Persoon`,"editor.no_people":`Er is nog geen persoon ingesteld in Cramp Guard. Voeg er een toe via Instellingen > Apparaten & diensten.`}}));function G(e){let t=e?.locale?.language||e?.language||`en`,n=t.toLowerCase().split(/[-_]/)[0];return Y[n]?{tag:t,base:n}:{tag:t,base:`en`}}function Fi(e){return Li.has(e)}function Ii(e){let t=Y[e]??W;return(e,n)=>{let r=t[e]??W[e]??``;return n?r.replace(/\{(\w+)\}/g,(e,t)=>t in n?String(n[t]):e):r}}function K(e,t,n){let r=e(t).split(/\{(\w+)\}/);return j`${r.map((e,t)=>t%2==0?e:e in n?j`<bdi>${n[e]}</bdi>`:`{${e}}`)}`}function q(e,t){try{return new Intl.NumberFormat(e,t)}catch{return new Intl.NumberFormat(`en`,t)}}function J(e){return typeof e==`number`&&Number.isFinite(e)}var Y,Li,X=t((()=>{xt(),tn(),Ln(),vr(),$r(),Pi(),Y={en:W,de:bt,fr:_r,es:In,nl:Ni,he:Qr},Object.keys(Y),Li=new Set([`he`])}));Be(),X(),H();var Ri=60,zi=58,Z=46;function Bi(e){return Math.min(100,Math.max(0,e))}function Vi(e,t){let n=Math.PI*(1-Bi(e)/100);return[+(Ri+t*Math.cos(n)).toFixed(2),+(zi-t*Math.sin(n)).toFixed(2)]}function Hi(e,t){let[n,r]=Vi(e,Z),[i,a]=Vi(t,Z);return`M ${n} ${r} A ${Z} ${Z} 0 0 1 ${i} ${a}`}function Ui(e,t){let n=M`<path class="arc-track" d=${Hi(0,100)}></path>`;if(e===null)return M`<svg viewBox="0 0 120 66" role="presentation" aria-hidden="true" focusable="false">
    ${n}
  </svg>`;let r=Bi(e)>0?M`<path class="arc-value" data-level=${t??`none`} d=${Hi(0,e)}></path>`:M``,[i,a]=Vi(e,34);return M`<svg viewBox="0 0 120 66" role="presentation" aria-hidden="true" focusable="false">
    ${n}${r}<line class="needle" x1=${Ri} y1=${zi} x2=${i} y2=${a}></line>
      <circle class="hub" cx=${Ri} cy=${zi} r="4"></circle>
  </svg>`}H();function Wi(e,t,n,r,i){let a=q(r,{maximumFractionDigits:0}),o=t?e.score:null,s=o===null?null:e.level,c=s?n(`level.${s}`):``;return j`<div class="gauge-col ${t?``:`unavailable`}">
          <button
            class="gauge"
            aria-label=${o===null?n(`gauge_label_unavailable`):n(`gauge_label`,{score:a.format(o),level:c})}
            @click=${i}
          >
            ${Ui(o,s)}
          </button>
          ${o===null?j`<div class="no-readings">${n(`no_readings`)}</div>
                <div class="hint">${n(`no_readings_hint`)}</div>`:j`<div class="score">
                  <bdi>${a.format(o)}</bdi> <span class="unit">${n(`of_100`)}</span>
                </div>
                <div class="level">${c}</div>`}
          ${Gi(e,n)}
        </div>`}function Gi(e,t){if(!e.confidence_level)return P;let n=t(`confidence.${e.confidence_level}`),r=e.history_days??{known:0,needed:3},i=(e.confidence_hints??[]).map(e=>t(`hint.${e}`,r)).find(e=>e),a=i?t(`confidence_with_hint`,{level:n,hint:i}):n;return j`<div class="confidence">${t(`confidence_line`,{confidence:a})}</div>`}function Ki(e,t,n){let r=q(n,{maximumFractionDigits:0}),i=e.score,a=Math.max(i,1),o=e=>j`<div class="track"><div class="fill" style="width:${Math.min(100,e/a*100).toFixed(1)}%"></div></div>`,s=e=>j`<span class="pts" dir="ltr">+${r.format(e)}</span>`,c=(e.points??[]).filter(e=>e.available&&J(e.points)&&e.points>0),l=J(e.history_points)&&e.history_points>0?e.history_points:0,u=J(e.multiplier)?q(n,{minimumFractionDigits:1,maximumFractionDigits:2}).format(e.multiplier):``;return j`<div class="factors">
      <div class="section-title">${t(`factors`)}</div>
      ${c.length===0&&!l?j`<div class="hint">${t(`no_factors`)}</div>`:P}
      ${c.map(e=>j`<div class="row factor factor-${e.key}" data-points=${e.points}>
          <span class="label">${t(`factor.${e.key}`)||e.key.replace(/_/g,` `)}</span>
          ${o(e.points)} ${s(e.points)}
        </div>`)}
      ${l?j`<div class="row history" data-points=${l}>
            <span class="label"
              >${t(`history.${e.history??`other`}`)}${u?j` <bdi dir="ltr">×${u}</bdi>`:P}</span
            >
            ${o(l)} ${s(l)}
          </div>`:P}
      <div class="row total" data-points=${i}>
        <span class="label">${t(`total`)}</span><span></span>
        <span class="pts" dir="ltr">${r.format(i)}</span>
      </div>
    </div>`}function qi(e,t,n){let r=Xi(e,t,n),i=Ji(e,t,n);return i===P&&r.length===0?P:j`${i}${r}`}function Ji(e,t,n){let r=(e.confidence_hints??[]).includes(`no_workload_history`),i=(e.points??[]).filter(e=>!e.available&&!(r&&e.key===`workload`)).map(e=>t(`source.${e.key}`)||e.key.replace(/_/g,` `));if(i.length===0)return P;let a;try{a=new Intl.ListFormat(n,{type:`conjunction`}).format(i)}catch{a=i.join(`, `)}return j`<div class="missing">${t(`not_measured`,{list:a})}</div>`}var Yi=new Set([`steps`,`intensity_minutes`,`active_kcal`,`water`]);function Xi(e,t,n){return(Array.isArray(e.stale)?e.stale:[]).filter(e=>e&&Yi.has(e.source)&&J(e.hours)&&e.hours>=0).map(e=>j`<div class="stale stale-${e.source}">
        ${K(t,`stale`,{source:t(`stale_source.${e.source}`),ago:Zi(e.hours,n)})}
      </div>`)}function Zi(e,t){let[n,r]=e>=48?[Math.floor(e/24),`day`]:[Math.floor(e),`hour`],i;try{i=new Intl.RelativeTimeFormat(t,{numeric:`always`}).format(-n,r)}catch{i=new Intl.RelativeTimeFormat(`en`,{numeric:`always`}).format(-n,r)}return i.replace(/ (?=\d)|(?<=\d) /g,`\xA0`)}function Qi(e,t,n){let r=q(n,{maximumFractionDigits:0}),i=(Array.isArray(e.levers)?e.levers:[]).filter(e=>e&&J(e.score)&&J(e.points)&&e.points>0).map(r=>({lever:r,text:$i(r,e,t,n)})).filter(e=>e.text!==null);return i.length===0?P:j`<div class="levers">
      <div class="section-title">${t(`levers`)}</div>
      ${i.map(({lever:e,text:t})=>j`<div class="row lever lever-${e.key}" data-points=${e.points}>
          <span class="label">${t}</span>
          <span class="pts" dir="ltr">−${r.format(e.points)}</span>
        </div>`)}
    </div>`}function $i(e,t,n,r){let i=q(r,{maximumFractionDigits:0}),a=i.format(e.score),o=J(e.amount)&&e.amount>0?e.amount:null;if(e.key===`stretch`)return K(n,`lever.stretch`,{score:a});if(e.key===`water`&&o!==null){let e=t.water?.glass_ml;return K(n,J(e)&&e===o?`lever.water_glass`:`lever.water`,{ml:i.format(o),score:a})}let s=e.unit===`°F`?`unit.fahrenheit`:e.unit===`°C`?`unit.celsius`:null;return e.key===`cooler`&&o!==null&&s!==null?K(n,`lever.cooler`,{degrees:n(s,{n:q(r,{maximumFractionDigits:1}).format(o)}),score:a}):null}H(),X();function ea(e,t,n){let r=e.water;if(!r||!J(r.today_ml))return P;let i=q(n,{maximumFractionDigits:0}),a=i.format(r.today_ml),o=J(r.target_ml)&&r.target_ml>0?r.target_ml:null,s=o!==null&&J(r.expected_ml)?r.expected_ml:null,c=o===null?t(`water_line_no_target`,{today:a}):s===null?t(`water_line_no_pace`,{today:a,target:i.format(o)}):t(`water_line`,{today:a,target:i.format(o),expected:i.format(s)}),l=e=>Math.min(100,Math.max(0,e/o*100)).toFixed(1);return j`<div class="water">
      <div class="section-title">${t(`water`)}</div>
      ${o===null?P:j`<div class="track">
            <div class="fill" style="width:${l(r.today_ml)}%"></div>
            ${s===null?P:j`<div class="pace-marker" style="inset-inline-start:${l(s)}%"></div>`}
          </div>`}
      <div class="water-text">${c}</div>
    </div>`}function ta(e,t,n){let r=t.checkin,i=r?.state===`pending`||r?.state===`done`;if(e.checkin?.open!==!0&&!i)return P;let a=`✓ ${n(`checkin.saved`)}`,o=n(`checkin.failed`),s=[[`no`,n(`checkin.no`)],[`yes`,n(`checkin.yes`)]];return j`<div class="checkin" role="group" aria-labelledby="checkin-question">
    <span class="checkin-question" id="checkin-question">${n(`checkin.question`)}</span>
    <span class="checkin-answers">
      ${s.map(([e,n])=>{let s=r?.answer===e?r.state:void 0;return j`<button
          class="checkin-${e} ${s??``}"
          ?disabled=${i}
          @click=${()=>t.answerCheckin(e)}
        >
          <span class="stack">
            <span aria-live="polite">${s===`done`?a:s===`failed`?o:n}</span>
            <span class="ghost" aria-hidden="true">${n}</span>
            <span class="ghost" aria-hidden="true">${a}</span>
            <span class="ghost" aria-hidden="true">${o}</span>
          </span>
        </button>`})}
    </span>
  </div>`}function na(e,t,n,r){let i=e.water?.glass_ml,a=J(i)?n(`button.glass`,{ml:q(r,{maximumFractionDigits:0}).format(i)}):n(`button.glass_plain`),o=[[`glass`,e.entities?.log_water??null,a],[`stretch`,e.entities?.log_stretch??null,n(`button.stretch`)],[`cramp`,e.entities?.log_cramp??null,n(`button.cramp`)]];return j`<div class="actions">
      ${o.map(([e,r,i])=>{let a=t.pressed[e],o=a===`done`?`✓ ${n(`logged`)}`:a===`failed`?n(`log_failed`):i;return j`<button
          class="log-${e} ${a??``}"
          aria-label=${n(`button_label.${e}`)}
          title=${n(`button_label.${e}`)}
          ?disabled=${!r}
          @click=${()=>t.press(e,r)}
        >
          <span class="stack">
            <span aria-live="polite">${o}</span>
            <span class="ghost" aria-hidden="true">${i}</span>
          </span>
        </button>`})}
    </div>
    ${ra(t,n)}`}function ra(e,t){let n=e.undo;return n?j`<div class="undo" role="status" aria-live="polite">
      ${n.state===`offer`?j`<span>${t(`undo.${n.kind}`)}</span>
            <button class="undo-button" @click=${()=>e.undoLast(n.kind)}>${t(`undo`)}</button>`:j`<span>${t(n.state===`done`?`undone`:`undo_failed`)}</span>`}
    </div>`:P}H(),X();var ia=[`hydration`,`heat`,`stretch`,`workload`,`exertion`,`timing`],aa=5,oa=14;function sa(e,t,n,r,i){return j`<button
        class="why-toggle"
        aria-expanded=${t?`true`:`false`}
        @click=${()=>n(!t)}
      >
        ${r(t?`why_hide`:`why`)}
      </button>
      ${t?ca(e,r,i):P}`}function ca(e,t,n){return j`<div class="why">
      ${e.see_professional?j`<div class="professional" role="alert">${t(`see_professional`)}</div>`:P}
      <p>${t(`why.compare`)}</p>
      <p>${t(`why.strong`)}</p>
      <p>${t(`why.weak`)}</p>
      <p>${t(`why.index`)}</p>
      ${la(e,t,n)}
      <p class="disclaimer">${t(`not_medical_advice`)}</p>
    </div>`}function la(e,t,n){let r=e.evaluation&&typeof e.evaluation==`object`?e.evaluation:null,i={events:J(r?.needed_events)?r.needed_events:aa,days:J(r?.needed_days)?r.needed_days:oa},a=[],o=r?ua(r,i,t,n):null;return o&&a.push(j`<p class="evaluation">${o}</p>`),a.push(...da(e,i,t,n)),a.length===0?P:j`<div class="matched">
    <div class="section-title">${t(`matched`)}</div>
    ${a}
  </div>`}function ua(e,t,n,r){let i=q(r,{maximumFractionDigits:0}),{matched:a,high_events:o,high_share_time:s,tracked_days:c}=e;if(e.ready===!0){if(!J(a)||!J(o)||!J(s))return null;let e=n(`percent`,{n:i.format(Math.round(s*100))});return K(n,fa(r,o)===`one`?`matched.finding_one`:`matched.finding`,{matched:i.format(a),high_events:i.format(o),share:e})}return!J(a)||!J(c)?null:K(n,`matched.learning`,{matched:i.format(Math.min(a,t.events)),needed_events:i.format(t.events),tracked_days:i.format(Math.min(c,t.days)),needed_days:i.format(t.days)})}function da(e,t,n,r){let i=e.personal&&typeof e.personal==`object`?e.personal:null;if(i?.learning!==!0)return[];let a=q(r,{maximumFractionDigits:0});if(i.active!==!0)return[j`<p class="calibrating">
        ${K(n,`personal.calibrating`,{needed_events:a.format(t.events),needed_days:a.format(t.days)})}
      </p>`];if(!J(i.events))return[];let o=i.multipliers??{},s=q(r,{minimumFractionDigits:1,maximumFractionDigits:2}),c=a.format(i.events);return ia.map(e=>({key:e,m:o[e]})).filter(e=>J(e.m)&&e.m>0&&Math.round(e.m*100)!==100).sort((e,t)=>t.m-e.m).map(({key:e,m:t})=>j`<p class="weight weight-${e}">
        ${K(n,`personal.weight`,{factor:n(`factor_name.${e}`),m:s.format(t),events:c})}
      </p>`)}function fa(e,t){try{return new Intl.PluralRules(e).select(t)}catch{return new Intl.PluralRules(`en`).select(t)}}H();var pa=l`
  :host {
    display: block;
    --cg-low: var(--cramp-guard-low-color, var(--success-color, #43a047));
    --cg-moderate: var(--cramp-guard-moderate-color, var(--amber-color, #ffc107));
    --cg-high: var(--cramp-guard-high-color, var(--warning-color, #ffa600));
    --cg-very_high: var(--cramp-guard-very-high-color, var(--error-color, #db4437));
    --cg-level: var(--disabled-text-color, #9e9e9e);
    --cg-muted: var(--secondary-text-color, #727272);
    --cg-divider: var(--divider-color, rgba(127, 127, 127, 0.3));
    --cg-track: var(--secondary-background-color, rgba(127, 127, 127, 0.15));
  }
  /* A card even where ha-card is not defined (tests, other dashboards). */
  ha-card:not(:defined) {
    display: block;
    background: var(--ha-card-background, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    border-radius: var(--ha-card-border-radius, 12px);
    border: 1px solid var(--cg-divider);
  }
  ha-card {
    overflow: hidden;
    height: 100%;
  }
  .root {
    container-type: inline-size;
    padding: 16px;
    color: var(--primary-text-color);
    font-size: 14px;
    line-height: 1.4;
    box-sizing: border-box;
  }
  .root.level-low { --cg-level: var(--cg-low); }
  .root.level-moderate { --cg-level: var(--cg-moderate); }
  .root.level-high { --cg-level: var(--cg-high); }
  .root.level-very_high { --cg-level: var(--cg-very_high); }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
    margin-block-end: 8px;
  }
  .name {
    font-size: 18px;
    font-weight: 500;
  }
  .title {
    color: var(--cg-muted);
  }
  .message {
    color: var(--cg-muted);
    padding-block: 8px;
  }

  .main {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .gauge-col {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    gap: 2px;
  }
  button.gauge {
    all: unset;
    cursor: pointer;
    display: block;
    width: 100%;
    max-width: 220px;
    border-radius: 8px;
  }
  button.gauge:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    direction: ltr;
  }
  .arc-track,
  .arc-value {
    fill: none;
    stroke-width: 11;
  }
  .arc-track { stroke: var(--cg-track); }
  /* The sent level's colour (.root.level-*). */
  .arc-value { stroke: var(--cg-level); }
  .needle {
    stroke: var(--primary-text-color, #212121);
    stroke-width: 3;
    stroke-linecap: round;
  }
  .hub {
    fill: var(--primary-text-color, #212121);
  }
  .score {
    font-size: 32px;
    font-weight: 500;
    line-height: 1.1;
  }
  .score .unit {
    font-size: 14px;
    color: var(--cg-muted);
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 500;
  }
  .level::before {
    content: "";
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--cg-level);
  }
  .no-readings {
    font-size: 18px;
    font-weight: 500;
  }
  .hint,
  .confidence,
  .missing,
  .stale {
    color: var(--cg-muted);
    font-size: 13px;
  }

  .detail-col {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  .section-title {
    font-weight: 500;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1.2fr) minmax(40px, 1fr) auto;
    align-items: center;
    gap: 8px;
  }
  .label {
    overflow-wrap: anywhere;
  }
  .track {
    display: flex;
    height: 8px;
    border-radius: 4px;
    background: var(--cg-track);
    overflow: hidden;
  }
  .fill {
    background: var(--cg-level);
    border-radius: 4px;
    min-width: 3px;
  }
  .pts {
    font-variant-numeric: tabular-nums;
    text-align: end;
    min-width: 2.5em;
  }
  .row.history .label {
    font-style: italic;
  }
  .row.total {
    border-block-start: 1px solid var(--cg-divider);
    padding-block-start: 4px;
    font-weight: 500;
  }
  /* What would lower it now: the sentence over the label and bar columns, the points
     where the factors have theirs. */
  .levers {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-block-start: 6px;
  }
  .row.lever .label {
    grid-column: 1 / 3;
  }

  .water {
    margin-block-start: 14px;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .water .track {
    position: relative;
    height: 10px;
    border-radius: 5px;
  }
  .water .fill {
    background: var(--info-color, #039be5);
  }
  .pace-marker {
    position: absolute;
    inset-block: -3px;
    width: 2px;
    background: var(--primary-text-color, #212121);
  }
  .water-text {
    color: var(--cg-muted);
    font-size: 13px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-block-start: 14px;
  }
  .checkin {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-block-start: 14px;
  }
  .checkin-question {
    flex: 1 1 auto;
    font-weight: 500;
  }
  .checkin-answers {
    display: flex;
    gap: 8px;
  }
  .checkin button {
    min-height: 44px;
    min-width: 64px;
    padding-block: 6px;
    padding-inline: 16px;
    border-radius: 22px;
    border: 1px solid var(--cg-divider);
    background: var(--card-background-color, transparent);
    color: var(--primary-text-color);
    font: inherit;
    cursor: pointer;
  }
  .actions button {
    flex: 1 1 auto;
    min-height: 40px;
    padding-block: 6px;
    padding-inline: 12px;
    border-radius: 20px;
    border: 1px solid var(--cg-divider);
    background: var(--card-background-color, transparent);
    color: var(--primary-text-color);
    font: inherit;
    cursor: pointer;
  }
  .actions button:hover:not([disabled]),
  .checkin button:hover:not([disabled]) {
    background: var(--cg-track);
  }
  .actions button:focus-visible,
  .checkin button:focus-visible,
  .why-toggle:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  /* A button keeps its size while it says "Logged" (or "Saved"): the label and its
     other texts share one cell, the others hidden, so the row never reflows. */
  .stack {
    display: inline-grid;
  }
  .stack > * {
    grid-area: 1 / 1;
  }
  .ghost {
    visibility: hidden;
  }
  .actions button[disabled],
  .checkin button[disabled] {
    cursor: default;
  }
  .actions button[disabled],
  .checkin button[disabled]:not(.done) {
    opacity: 0.5;
  }
  .actions button.done,
  .checkin button.done {
    border-color: var(--success-color, #43a047);
    color: var(--success-color, #43a047);
  }
  .actions button.failed,
  .checkin button.failed {
    border-color: var(--error-color, #db4437);
    color: var(--error-color, #db4437);
  }

  .undo {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
    color: var(--secondary-text-color);
  }
  /* Text buttons, each a finger's target: 44 px at least. */
  .undo-button,
  .why-toggle {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    min-width: 44px;
    color: var(--primary-color, #03a9f4);
    font-weight: 500;
  }
  .undo-button {
    padding-inline: 8px;
  }
  .undo-button:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  .why-toggle {
    margin-block-start: 4px;
  }
  .why {
    margin-block-start: 8px;
    padding-block: 8px;
    padding-inline: 12px;
    border-inline-start: 3px solid var(--cg-divider);
    color: var(--secondary-text-color);
  }
  .why p {
    margin-block: 0 8px;
  }
  .matched .section-title {
    color: var(--primary-text-color);
    margin-block: 4px;
  }
  .disclaimer {
    font-style: italic;
  }
  .professional {
    margin-block: 8px;
    padding: 8px 12px;
    border-radius: 8px;
    border-inline-start: 4px solid var(--warning-color, #ffa600);
    background: rgba(255, 166, 0, 0.12);
    color: var(--primary-text-color);
    font-weight: 500;
  }

  /* Desktop widths: the gauge beside the contributions. */
  @container (min-width: 460px) {
    .main {
      flex-direction: row;
      align-items: flex-start;
      gap: 20px;
    }
    .gauge-col {
      flex: 0 0 40%;
    }
    .detail-col {
      flex: 1 1 auto;
    }
  }
`,ma=`cramp_guard/card/subscribe`,ha=5e3,ga=class{constructor(e){this._host=e,this.status=`loading`,this._connected=!1,this._generation=0,e.addController(this)}set hass(e){this._hass=e,this._subscribe()}set entryId(e){e!==this._entryId&&(this._entryId=e,this._drop(),this._set(`loading`,void 0),this._subscribe())}hostConnected(){this._connected=!0,this._subscribe()}hostDisconnected(){this._connected=!1,this._drop()}_set(e,t){this.status=e,this.data=t,this._host.requestUpdate()}_subscribe(){if(!this._connected||!this._hass||!this._entryId||this._subscription||this._retryTimer!==void 0)return;let e=++this._generation,t=this._hass.connection.subscribeMessage(t=>this._onEvent(e,t),{type:ma,config_entry_id:this._entryId});this._subscription=t,t.then(t=>{e===this._generation?this._unsubscribe=t:_a(t)},t=>{if(e!==this._generation)return;this._subscription=void 0;let n=t?.code;this._set(n===`not_found`||n===`not_loaded`?n:`error`,void 0),this._retry()})}_onEvent(e,t){e===this._generation&&(!t||t.loaded===!1?(this._drop(),this._set(`not_loaded`,void 0),this._retry()):this._set(`ok`,t))}_retry(){this._connected&&this._retryTimer===void 0&&(this._retryTimer=setTimeout(()=>{this._retryTimer=void 0,this._subscribe()},ha))}_drop(){this._generation++,this._retryTimer!==void 0&&clearTimeout(this._retryTimer),this._retryTimer=void 0,this._unsubscribe&&_a(this._unsubscribe),this._unsubscribe=void 0,this._subscription=void 0}};async function _a(e){try{await e()}catch{}}var va=(function(){let e=typeof document<`u`&&document.createElement(`link`).relList;return e&&e.supports&&e.supports(`modulepreload`)?`modulepreload`:`preload`})(),ya=function(e){return`/`+e},ba={},Q={},xa=function(e){return e.pathname.endsWith(`.css`)},Sa=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw delete e[t],n});return e[t]=i,i},Ca=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=ya(t,n);let r=s(t),i=xa(r);return Sa(ba,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}let t=i?e.styles:e.all,n=i?Q[r.href]:void 0;if(!n&&t.has(r.href))return;let o=document.createElement(`link`);if(o.rel=i?`stylesheet`:va,i||(o.as=`script`),o.crossOrigin=``,o.href=r.href,a&&o.setAttribute(`nonce`,a),n&&delete Q[r.href],n?.isConnected?n.replaceWith(o):document.head.appendChild(o),i)return new Promise((e,t)=>{let n=i=>{o.removeEventListener(`load`,n),o.removeEventListener(`error`,n),i.type===`error`?(Q[r.href]=o,t(Error(`Unable to preload CSS for ${r}`))):e(i)};o.addEventListener(`load`,n),o.addEventListener(`error`,n)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})},wa=n({CrampGuardCardEditor:()=>$,EDITOR_TYPE:()=>Ea,SCHEMA:()=>Da}),Ta,Ea,Da,$,Oa=t((()=>{H(),X(),Ea=`cramp-guard-card-editor`,Da=[{name:`config_entry_id`,selector:{config_entry:{integration:`cramp_guard`}}}],$=class extends V{constructor(){super(),this._loadingPeople=!1,this._computeLabel=e=>e.name===`config_entry_id`?this._t()(`editor.person`):e.name,this._haForm=!!customElements.get(`ha-form`),this._haForm||customElements.whenDefined(`ha-form`).then(()=>this._haForm=!0)}setConfig(e){this._config=e}_t(){return Ii(G(this.hass).base)}render(){if(!this.hass||!this._config)return P;if(this._haForm)return j`<ha-form
        .hass=${this.hass}
        .data=${this._config}
        .schema=${Da}
        .computeLabel=${this._computeLabel}
        @value-changed=${this._formChanged}
      ></ha-form>`;this._loadPeople();let e=this._t();if(this._people&&this._people.length===0)return j`<p>${e(`editor.no_people`)}</p>`;let t=this._config.config_entry_id??``;return j`<label dir=${G(this.hass).base===`he`?`rtl`:`ltr`}>
      ${e(`editor.person`)}
      <select @change=${this._selectChanged}>
        ${t&&!this._people?.some(e=>e.config_entry_id===t)?j`<option value=${t} selected>${t}</option>`:P}
        ${t?P:j`<option value="" selected></option>`}
        ${(this._people??[]).map(e=>j`<option value=${e.config_entry_id} ?selected=${e.config_entry_id===t}>
              ${e.name}
            </option>`)}
      </select>
    </label>`}_loadPeople(){this._people||this._loadingPeople||!this.hass||(this._loadingPeople=!0,this.hass.callWS({type:`cramp_guard/people`}).then(e=>this._people=e?.people??[],()=>this._people=[]).finally(()=>this._loadingPeople=!1))}_formChanged(e){e.stopPropagation(),this._update({...this._config,...e.detail.value})}_selectChanged(e){let t=e.target.value;this._update({...this._config,config_entry_id:t})}_update(e){this._config=e,this.dispatchEvent(new CustomEvent(`config-changed`,{detail:{config:e},bubbles:!0,composed:!0}))}},Ta=$,Ta.properties={hass:{attribute:!1},_config:{state:!0},_people:{state:!0},_haForm:{state:!0}},Ta.styles=l`
    :host {
      display: block;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    select {
      font: inherit;
      padding: 8px;
      color: var(--primary-text-color);
      background: var(--card-background-color, transparent);
      border: 1px solid var(--divider-color, #ccc);
      border-radius: 4px;
    }
  `,Re(Ea,$)}));H(),Be(),X();var ka,Aa=`cramp-guard-card`,ja=`cramp-guard-card-editor`,Ma=class extends V{constructor(...e){super(...e),this._subscription=new ga(this),this._actions=new Ie(this,()=>({hass:this._hass,entryId:this._config?.config_entry_id}))}static async getConfigElement(){return await Ca(()=>Promise.resolve().then(()=>(Oa(),wa)),void 0),document.createElement(ja)}static async getStubConfig(e){let t=``;try{t=(await e.callWS({type:`cramp_guard/people`}))?.people?.[0]?.config_entry_id??``}catch{}return{type:`custom:${Aa}`,config_entry_id:t}}setConfig(e){if(!e||typeof e.config_entry_id!=`string`||!e.config_entry_id)throw Error(`Cramp Guard card: choose a person - config_entry_id (the person's Cramp Guard entry) is missing.`);this._config=e,this._subscription.entryId=e.config_entry_id}set hass(e){let t=this._hass;this._hass=e,t&&G(t).tag===G(e).tag||this.requestUpdate(),this._subscription.hass=e}get hass(){return this._hass}getCardSize(){return 7}getGridOptions(){return{columns:12,min_columns:6,rows:`auto`}}render(){let{tag:e,base:t}=G(this._hass),n=Ii(t),{status:r,data:i}=this._subscription,a=r===`ok`?i:void 0,o=!!a&&a.available&&J(a.score),s=o&&a.level||`none`;return j`<ha-card>
      <div
        class="root level-${s}"
        dir=${Fi(t)?`rtl`:`ltr`}
        lang=${t}
      >
        ${a?this._renderPerson(a,o,n,e):this._renderStatus(n)}
      </div>
    </ha-card>`}_renderStatus(e){let t=this._subscription.status,n=t===`ok`?`loading`:t;return j`<div class="header"><span class="name">${e(`title`)}</span></div>
      <div class="message status-${t}" role="status">${e(n)}</div>`}_renderPerson(e,t,n,r){return j`
      <div class="header">
        <span class="name">${e.name}</span>
        <span class="title">${n(`title`)}</span>
      </div>
      <div class="main">
        ${Wi(e,t,n,r,()=>Fe(this,e.entities.cramp_risk))}
        <div class="detail-col">
          ${t?Ki(e,n,r):P}
          ${qi(e,n,r)}
          ${t?Qi(e,n,r):P}
        </div>
      </div>
      ${ea(e,n,r)} ${ta(e,this._actions,n)}
      ${na(e,this._actions,n,r)}
      ${sa(e,this._why??e.see_professional,e=>this._why=e,n,r)}
    `}};ka=Ma,ka.styles=pa,ka.properties={_config:{state:!0},_why:{state:!0}},Re(Aa,Ma),window.customCards=window.customCards??[],window.customCards.some(e=>e.type===`cramp-guard-card`)||window.customCards.push({type:Aa,name:`Cramp Guard`,description:`A person's cramp risk: what adds to it, today's water against the target, and one-tap logging.`,preview:!0,documentationURL:`https://github.com/crampguard/cramp_guard`});